import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { nextMacrotask, providePortalForTests, until } from '@deskgram/portal/testing';
import { AttachmentLimits } from './attachment-limits';
import { MAX_FILE_BYTES, MAX_FILES } from './files';

describe('AttachmentLimits', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), providePortalForTests()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
  });

  it('shows the defaults until the server answers, then the server’s own limits', async () => {
    const limits = TestBed.inject(AttachmentLimits);
    expect([limits.maxFiles(), limits.maxFileBytes()]).toEqual([MAX_FILES, MAX_FILE_BYTES]);
    TestBed.tick();
    await nextMacrotask();
    const request = http.expectOne((r) => r.method === 'GET' && r.url.endsWith('/api/attachments/limits'));
    request.flush({ maxFiles: 3, maxFileBytes: 1024 * 1024 });
    await until(() => limits.maxFiles() === 3, 'the server’s limits');
    expect(limits.maxFileBytes()).toBe(1024 * 1024);
  });

  it('keeps the defaults when the server cannot say', async () => {
    const limits = TestBed.inject(AttachmentLimits);
    TestBed.tick();
    await nextMacrotask();
    http
      .expectOne((r) => r.url.endsWith('/api/attachments/limits'))
      .flush({ message: 'down' }, { status: 503, statusText: 'Service Unavailable' });
    await nextMacrotask();
    TestBed.tick();
    expect([limits.maxFiles(), limits.maxFileBytes()]).toEqual([MAX_FILES, MAX_FILE_BYTES]);
  });
});
