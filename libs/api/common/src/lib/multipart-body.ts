import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtension, ApiExtraModels, type OpenAPIObject } from '@nestjs/swagger';

const MULTIPART_BODY = 'x-multipart-body';

/**
 * A route that takes its body as JSON (`json`) or as `multipart/form-data` (`form`, a class describing the form's
 * fields and files). Swagger gives every content type of a route the same schema; `documentMultipartBodies` then
 * puts `form` under `multipart/form-data`.
 */
export function ApiJsonOrMultipartBody(json: Type<unknown>, form: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(form),
    ApiConsumes('application/json', 'multipart/form-data'),
    ApiBody({ type: json }),
    ApiExtension(MULTIPART_BODY, form.name),
  );
}

/** Gives the multipart bodies of `ApiJsonOrMultipartBody` routes their own schema (see there). */
export function documentMultipartBodies(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of [path.get, path.put, path.post, path.patch, path.delete]) {
      if (!operation) continue;
      const extensions = operation as unknown as Record<string, unknown>;
      const form = extensions[MULTIPART_BODY];
      if (typeof form !== 'string') continue;
      delete extensions[MULTIPART_BODY];
      const content = operation.requestBody && 'content' in operation.requestBody ? operation.requestBody.content : {};
      content['multipart/form-data'] = { schema: { $ref: `#/components/schemas/${form}` } };
    }
  }
  return document;
}
