import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { InvalidInputError } from './domain-error';

/** The largest nesting walked; deeper input is refused by the DTOs anyway, and a bound keeps the walk cheap. */
const MAX_DEPTH = 32;

/**
 * Refuses a NUL character (U+0000) anywhere in a request's body, query or route parameters, keys included, with a
 * 400 that names each field. PostgreSQL cannot store NUL in text and would fail the query with a 500. Registered
 * globally before the `ValidationPipe`, so every route, present and future, is covered without a decorator.
 */
@Injectable()
export class NulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const fields: string[] = [];
    collectNulFields(value, metadata.data ?? '', fields, 0);
    if (fields.length > 0) {
      throw new InvalidInputError(
        'request.nul_character',
        fields.map((field) => `${field || metadata.type} must not contain NUL characters`).join('; '),
      );
    }
    return value;
  }
}

/** Appends the path of every string (or key) holding a NUL, such as `items[0].description`. */
export function collectNulFields(value: unknown, path: string, fields: string[], depth = 0): void {
  if (typeof value === 'string') {
    if (value.includes('\0')) fields.push(path);
    return;
  }
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectNulFields(item, `${path}[${index}]`, fields, depth + 1));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    // The key itself holds the NUL: name it escaped, as JSON writes it.
    if (key.includes('\0')) {
      fields.push(`${path ? `${path}.` : ''}${JSON.stringify(key).slice(1, -1)}`);
      continue;
    }
    collectNulFields(item, path ? `${path}.${key}` : key, fields, depth + 1);
  }
}
