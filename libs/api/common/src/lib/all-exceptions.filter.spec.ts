import {
  type ArgumentsHost,
  BadRequestException,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { ConflictError, NotFoundError, PayloadTooLargeError } from './domain-error';

function capture() {
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => response }),
  } as unknown as ArgumentsHost;
  return { host, sent };
}

describe(AllExceptionsFilter.name, () => {
  const filter = new AllExceptionsFilter();

  it('maps a domain "not found" to 404 with its code', () => {
    const { host, sent } = capture();
    filter.catch(new NotFoundError('ticket.not_found', 'Ticket T-1042 was not found'), host);
    expect(sent).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: 'Ticket T-1042 was not found', code: 'ticket.not_found' },
    });
  });

  it('maps a domain conflict to 409', () => {
    const { host, sent } = capture();
    filter.catch(new ConflictError('invoice.not_draft', 'Only drafts can be edited'), host);
    expect(sent.status).toBe(409);
  });

  it('maps a domain "too large" to 413 with its code', () => {
    const { host, sent } = capture();
    filter.catch(new PayloadTooLargeError('attachment.too_large', 'scan.pdf is larger than 20 MB'), host);
    expect(sent).toEqual({
      status: 413,
      body: {
        statusCode: 413,
        error: 'Payload Too Large',
        message: 'scan.pdf is larger than 20 MB',
        code: 'attachment.too_large',
      },
    });
  });

  it('flattens validation messages into one string', () => {
    const { host, sent } = capture();
    filter.catch(new BadRequestException(['subject must not be empty', 'priority must be one of low, normal']), host);
    expect(sent.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'subject must not be empty; priority must be one of low, normal',
    });
  });

  it('keeps the status of Nest HTTP exceptions', () => {
    const { host, sent } = capture();
    filter.catch(new NotFoundException('Cannot GET /api/x'), host);
    expect(sent.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Cannot GET /api/x' });
  });

  it('passes the health report through unchanged', () => {
    const { host, sent } = capture();
    const report = { status: 'error', info: {}, error: { database: { status: 'down' } }, details: {} };
    filter.catch(new ServiceUnavailableException(report), host);
    expect(sent).toEqual({ status: 503, body: report });
  });

  it('answers errors raised by body-parser with their own 4xx status', () => {
    const { host, sent } = capture();
    filter.catch(Object.assign(new Error('request entity too large'), { status: 413 }), host);
    expect(sent.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'request entity too large' });
  });

  it('hides the details of unexpected errors', () => {
    const { host, sent } = capture();
    jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
    filter.catch(new Error('connection to 10.0.0.5 refused, password=hunter2'), host);
    expect(sent.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' });
  });
});
