import { describe, expect, it } from "vitest";
import { sniffContentType } from "@/lib/storage/sniff";

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === "string" ? [...v].map((c) => c.charCodeAt(0)) : [v])));

describe("sniffing a file's type from its first bytes", () => {
  it("recognises JPEG, PNG, WebP and PDF by their signatures", () => {
    expect(sniffContentType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, "JFIF"))).toBe("image/jpeg");
    expect(sniffContentType(bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, "IHDR"))).toBe("image/png");
    expect(sniffContentType(bytes("RIFF", 0x1a, 0, 0, 0, "WEBPVP8L"))).toBe("image/webp");
    expect(sniffContentType(bytes("%PDF-1.7\n"))).toBe("application/pdf");
  });

  it("refuses other RIFF files (WAV, AVI) that only share WebP's first four bytes", () => {
    expect(sniffContentType(bytes("RIFF", 0x24, 0, 0, 0, "WAVEfmt "))).toBeNull();
    expect(sniffContentType(bytes("RIFF", 0x24, 0, 0, 0, "AVI LIST"))).toBeNull();
  });

  it("refuses text, HTML and SVG whatever they are called", () => {
    expect(sniffContentType(bytes("hello, this is not a photo"))).toBeNull();
    expect(sniffContentType(bytes("<!doctype html><script>alert(1)</script>"))).toBeNull();
    expect(sniffContentType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffContentType(bytes("GIF89a", 1, 0, 1, 0))).toBeNull();
  });

  it("refuses empty and truncated files rather than reading past their end", () => {
    expect(sniffContentType(new Uint8Array())).toBeNull();
    expect(sniffContentType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffContentType(bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a))).toBeNull();
    expect(sniffContentType(bytes("RIFF", 0, 0, 0, 0, "WEB"))).toBeNull();
    expect(sniffContentType(bytes("%PDF"))).toBeNull();
  });

  it("looks only at the start: a signature later in the file does not count", () => {
    expect(sniffContentType(bytes(" ", 0xff, 0xd8, 0xff, 0xe0))).toBeNull();
  });
});
