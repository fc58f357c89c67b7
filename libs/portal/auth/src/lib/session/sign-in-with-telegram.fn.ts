// Replaced by the generated signInWithTelegram once the route is in apps/api/openapi.json.
import { type HttpClient, type HttpContext, HttpHeaders, HttpRequest, HttpResponse } from '@angular/common/http';
import { type SessionDto, type StrictHttpResponse } from '@deskgram/api-client';
import { type Observable } from 'rxjs';
import { filter, map } from 'rxjs/operators';

export interface TelegramSignInDto {
  /** The Mini App's raw init data, as Telegram handed it to the page. */
  initData: string;
}

export interface SignInWithTelegram$Params {
  body: TelegramSignInDto;
}

export function signInWithTelegram(
  http: HttpClient,
  rootUrl: string,
  params: SignInWithTelegram$Params,
  context?: HttpContext,
): Observable<StrictHttpResponse<SessionDto>> {
  const request = new HttpRequest('POST', rootUrl + signInWithTelegram.PATH, params.body, {
    headers: new HttpHeaders({ 'Content-Type': 'application/json', Accept: 'application/json' }),
    responseType: 'json',
    context,
  });
  return http.request(request).pipe(
    filter((r): r is HttpResponse<unknown> => r instanceof HttpResponse),
    map((r) => r as StrictHttpResponse<SessionDto>),
  );
}

signInWithTelegram.PATH = '/api/auth/telegram';
