import { inject, Pipe, type PipeTransform } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { fileSize } from './files';

/** `{{ bytes | fileSize: language() }}`: "1.5 MB", "1,5 МБ". */
@Pipe({ name: 'fileSize' })
export class FileSizePipe implements PipeTransform {
  private readonly transloco = inject(TranslocoService);

  transform(bytes: number, language: string): string {
    const { value, unit } = fileSize(bytes);
    const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
    return `${number} ${this.transloco.translate(`tickets.files.units.${unit}`, {}, language)}`;
  }
}
