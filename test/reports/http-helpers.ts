import { randomBytes } from 'node:crypto';

/** A multipart/form-data body with one file in the field "file", as a browser sends it. */
export function multipartFile(fileName: string, data: Buffer, type = 'application/octet-stream') {
  const boundary = `----giaoban${randomBytes(6).toString('hex')}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
    `Content-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    // A browser says the form comes from the app's own page; without that, the app refuses a
    // multipart body as possibly cross-site.
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'sec-fetch-site': 'same-origin',
    },
  };
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
