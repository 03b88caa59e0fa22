import { t } from '../../i18n';

/** The largest document the hub accepts: 5 MiB. */
export const MAX_BYTES = 5 * 1024 * 1024;

const TYPES: Record<string, string> = {
  'application/pdf': 'application/pdf',
  'image/png': 'image/png',
  'image/jpeg': 'image/jpeg',
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
};

const EXTENSIONS: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** What the file input offers to choose. */
export const ACCEPT = 'application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg';

/** A size in words: 812 KB, 6.2 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return t('documents.bytes', { count: bytes });
  if (bytes < 1024 * 1024) return t('documents.kilobytes', { size: Math.round(bytes / 1024) });
  return t('documents.megabytes', { size: (bytes / (1024 * 1024)).toFixed(1) });
}

/**
 * The content type to send a file as, or why it cannot be sent: the hub takes PDF, PNG and JPEG
 * of at most 5 MiB. A browser that does not know the type leaves it empty; the name's extension
 * then decides.
 */
export function checkFile(file: File): { contentType: string } | { error: string } {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const contentType = file.type ? TYPES[file.type.toLowerCase()] : EXTENSIONS[extension];
  if (!contentType) return { error: t('documents.wrongType', { name: file.name }) };
  if (file.size === 0) return { error: t('documents.empty', { name: file.name }) };
  if (file.size > MAX_BYTES) {
    return { error: t('documents.tooLarge', { name: file.name, size: formatSize(file.size) }) };
  }
  return { contentType };
}
