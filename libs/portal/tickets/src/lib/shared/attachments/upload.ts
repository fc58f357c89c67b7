import { type HttpClient, type HttpEvent, HttpEventType, type HttpRequest } from '@angular/common/http';
import { type StrictHttpResponse } from '@deskgram/api-client';
import { firstValueFrom, type Observable, tap } from 'rxjs';

type ApiFn<P, R> = (http: HttpClient, rootUrl: string, params: P) => Observable<StrictHttpResponse<R>>;

/**
 * Calls a generated operation (a multipart upload) through `http`, asking for progress events, and tells `progress`
 * the part sent (0 to 1) as the upload reports it. The request still goes through the portal's interceptors. A
 * backend that reports no upload progress (the `fetch` one) simply never calls `progress`.
 */
export function uploadWithProgress<P, R>(
  http: HttpClient,
  rootUrl: string,
  fn: ApiFn<P, R>,
  params: P,
  progress: (sent: number) => void,
): Promise<R> {
  const reporting = {
    request: (request: HttpRequest<unknown>): Observable<HttpEvent<unknown>> =>
      http.request(request.clone({ reportProgress: true })).pipe(
        tap((event) => {
          if (event.type === HttpEventType.UploadProgress && event.total) {
            progress(Math.min(1, event.loaded / event.total));
          }
        }),
      ),
  };
  // The generated functions call only `http.request(HttpRequest)`.
  return firstValueFrom(fn(reporting as unknown as HttpClient, rootUrl, params)).then((response) => response.body);
}
