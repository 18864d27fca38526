import type { FastifyInstance } from 'fastify';

/*
 * The app's emblem: a gold star in a gold ring on the sidebar's maroon, drawn for this project.
 * It is the workspace header's mark and the browser tab's icon: /favicon.svg for browsers that
 * take one, /favicon.ico (the same emblem as a 32×32 PNG inside an ICO) for the rest.
 */

export const EMBLEM_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="31" fill="#7a1a1a"/><circle cx="32" cy="32" r="26.5" fill="none" stroke="#f2c94c" stroke-width="2.5"/><path fill="#f2c94c" d="M32 12.5l5.06 15.56h16.36l-13.24 9.62 5.06 15.56L32 43.62l-13.24 9.62 5.06-15.56-13.24-9.62h16.36z"/></svg>`;

// The emblem drawn at 32×32 (PNG), by Chromium from EMBLEM_SVG.
const EMBLEM_PNG_32 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAGuElEQVR4nKRXeWwUZRT/zezObts92u2x7W6BHlCKSaUeIIdV0XhFUUw0Kt73HxqMIlEqRv1DOQyoif5hRKsSUEk8EI2KEjkEROSQu5TSg57s1e52t91zxvembFnS3e42/pLJzDfz5n3ve987fp8W48TL+fkTJEm6XBaEQohikfpSlp2iorgikcihdzyezvHoEzIResViydVkZd2nAA/RsE4gJJNTCHTbRR/Xx4LBjav6+rzpdI9pwJtmc37YYFiiCMKzJJirkQSUXWpCabUBpnwJhjxJlQv0RzDgDqOrKYD2I37EogrIEq+gKB/qAoF33/T5POM2YJnVOlfWajeTQEGeTYdr7rejelYuNJKI7lN+9LsiCNCkDGOBDrmFEuzVRkQjCpr+6sOujT3o6w2zIW4xGr3zbYdjT8YGLLXZHhQFoUGrE3Q3PFaKy24ugrN9EAd/ceLUXi+C/lhSo7OMGkybm4crbytCwYRsHNzixLbPutgjYVlRnljZ07MhrQH1JSWPC6LYYCQX311fCX2OBls/6UDLoQGMB5NnmHHTUxMx6Ivim7ebMeiNcZA8vbyn55OUBtRbrXOg1e4gd0oPr6xGZ6Mfv3zYjnBQSTpJTq5GvavKk0CXJeL258tgr8rBuqVN8LkjEXp9/Yru7t1xGTH+sAjQC1rtRkknSPe9PgU9zYP4YXVbyskZ1bMtmDorL+X3cFDG9++0ovv0IO55tRKsmwJzA881ygCT3V5Pt4nzHimltFaw+d1WpEP1nDy6LGnlfnq/DYIo4NoH7ORzocxot794kQHL7PaJtM6l+aV6XHFLITatbkU0rIyplANuUo1JTUt29ViIkK4f32vDjPlWcEaRF+qX2WxlIwYosvwcBYP+tufKcHS7B+7OENJhKqWkqBHUq3puei84zwZxYqcHtzwzib1gptry+AUDRPFWXv2ES4w48JMDmSDR9dPm5Gb0z37SXXGZGRabnqvmraoBrxYW2mg0vWK6GX5PGI72YFpF7HJWFEd5rTntNjB6W4bUillea+LhVdxXRFmSarm2F5Vno+OEH5lg6uw81fVxcHWsmpmZF3pOB1BMc/Gcol5fo6UuVkIjmAokuM4OqUIFtB331E+GpTQLmeKOxRXqlQzujiF8t6oF7q4QvM4w8m3Denlukfa/hAdsgM8VGf6BBD9dfJJKb2bxMBYO/OxAw+JGVSfDRwbwXAyeWxsX5DxFQuZxGv72cSea//HiTlpZllGL8WBoIEqp1zqqhMtRnuv8QFGCoiDLvfzMLTX7fGlNBCtYu+gEOo5n3gtYdu2i40n7R06eFv7+qPpMYdArErMZNsAbhSFXSqowQD9seK0Jf37VjXTYuaFLlU3VH4wWCQHP8FbLtHhRDoWOMZPppei0E9FIDQGervQp6ukOYSyeUzrNQH0moLIn4gmnxPMcbl/T3n4UV+SgcGLqyJ86J3XjGZGZnVqmuCKb9GejcU8/D/ctd7l61HCgvfjV64zgzAEvZt1lTfozkRNMmXGx8nAwpl6JmDKTWVNyD8xcYMXpff3qltKkm/idaoAYi31Bt+DOL7tRM68ARZNGe4Ern6S/UO0cbYNoeOGkevFzHLosDSouN49efWU2aq4rwLZ1XZxsIaoBX/F7Nex3BgL91xgMpkB/rI7dVHtTIY5tc0NOWNzV99pgLcvmvcO+Tefww5pWSrUYgoEYDm91QUur5v1lwiwTKW3625tglID736hC21Ef/t3iBmXemuW9vd+OeIARC4VWMJPd8lEH9AYt5r9QPqJAo2X358LfF8aXFOHb1nVfZBw/8zv+xulcRSRFSGgNC5ZUQqCl/r62gxfg1IXDy0d0xx92B4OhOpNpfyQkLzy9t09Tt9Cm0u8Wiouy6SYYKH2+fr35fJQnh4/i6Mgfbtim5GCI0pr3esFL5SiZnKMa53dHotT673rL5WqM/5OMlD5KpPTzRFK6fX0nUW0fxgNmx8yumJR+t+IMeS/Kle9hIqXrE+VGlb5dfv/hq43G5khQnn98h0fDvXveQ6VqD3e2D6Wk5HEw47nxiQmoo3MEE5DNa9oQGpSZlj+6IhNaHkfiwcRSokPdwuGDCW9BM22LzxHGAFU0gdqykcqruUintmRLiR6NVFN2f/0/DiZxLCkutkqi+BYJPUnhLcaPZmU1Rlgrc1BCqcUB6CDPnGsZxNljA2g/SkczOh2Ru2VS0RCW5WWrz51L2VYzO5xarbWiRrOIUoxpVGka8S6K9F/lWOyDVQ7H4TSymRmQiHq7fRoVrqpkx/OYLJ9c6XQ2j0fffwAAAP//Rk4eEgAAAAZJREFUAwBNEexpBF1H1QAAAABJRU5ErkJggg==',
  'base64',
);

/** An ICO file holding one PNG image (the form every browser since 2007 reads). */
export function icoOf(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size % 256, 6); // width (0 means 256)
  header.writeUInt8(size % 256, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14); // size of the image
  header.writeUInt32LE(22, 18); // where it starts
  return Buffer.concat([header, png]);
}

const FAVICON_ICO = icoOf(EMBLEM_PNG_32, 32);
const ONE_DAY = 'public, max-age=86400';

/** GET /favicon.ico and /favicon.svg. */
export function registerEmblem(app: FastifyInstance): void {
  app.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('image/x-icon').header('cache-control', ONE_DAY).send(FAVICON_ICO),
  );
  app.get('/favicon.svg', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', ONE_DAY).send(EMBLEM_SVG),
  );
}
