import { describe, expect, it } from "vitest";
import { isValidBsn, isValidIban } from "../../../src/core/privacy/index.js";

describe("isValidBsn (11-proef)", () => {
  it("accepts numbers whose weighted sum (9..2, -1) is divisible by 11", () => {
    expect(isValidBsn("111222333")).toBe(true);
    expect(isValidBsn("123456782")).toBe(true);
    expect(isValidBsn("999999990")).toBe(true);
  });

  it("rejects a number one digit off", () => {
    expect(isValidBsn("123456789")).toBe(false);
    expect(isValidBsn("123456783")).toBe(false);
    expect(isValidBsn("111222334")).toBe(false);
  });

  it("reads an 8-digit number as having a leading 0", () => {
    expect(isValidBsn("12345672")).toBe(true);
    expect(isValidBsn("012345672")).toBe(true);
    expect(isValidBsn("10000008")).toBe(true);
    expect(isValidBsn("12345674")).toBe(false);
  });

  it("accepts the usual spacing and dots", () => {
    expect(isValidBsn("123 456 782")).toBe(true);
    expect(isValidBsn("1234.56.782")).toBe(true);
    expect(isValidBsn("123.456.782")).toBe(true);
  });

  it("rejects all zeros, wrong lengths and non-digits", () => {
    expect(isValidBsn("000000000")).toBe(false);
    expect(isValidBsn("00000000")).toBe(false);
    expect(isValidBsn("1234567")).toBe(false);
    expect(isValidBsn("1234567820")).toBe(false);
    expect(isValidBsn("12345678a")).toBe(false);
    expect(isValidBsn("123-456-782")).toBe(false);
    expect(isValidBsn("")).toBe(false);
  });
});

describe("isValidIban (mod 97)", () => {
  it("accepts known-good IBANs of several countries", () => {
    expect(isValidIban("NL91ABNA0417164300")).toBe(true);
    expect(isValidIban("BE68539007547034")).toBe(true);
    expect(isValidIban("DE89370400440532013000")).toBe(true);
    expect(isValidIban("GB82WEST12345698765432")).toBe(true);
    expect(isValidIban("FR1420041010050500013M02606")).toBe(true);
    expect(isValidIban("PL61109010140000071219812874")).toBe(true);
    expect(isValidIban("TR330006100519786457841326")).toBe(true);
  });

  it("ignores spaces and case", () => {
    expect(isValidIban("NL91 ABNA 0417 1643 00")).toBe(true);
    expect(isValidIban("nl91abna0417164300")).toBe(true);
  });

  it("rejects a changed digit, swapped digits and wrong check digits", () => {
    expect(isValidIban("NL91ABNA0417164301")).toBe(false);
    expect(isValidIban("NL91ABNA0417163400")).toBe(false);
    expect(isValidIban("NL19ABNA0417164300")).toBe(false);
    expect(isValidIban("NL00ABNA0417164300")).toBe(false);
    expect(isValidIban("NL99ABNA0417164300")).toBe(false);
  });

  it("rejects wrong lengths and unknown countries", () => {
    expect(isValidIban("NL91ABNA041716430")).toBe(false);
    expect(isValidIban("NL91ABNA04171643000")).toBe(false);
    expect(isValidIban("XX91ABNA0417164300")).toBe(false);
    expect(isValidIban("ABNA0417164300")).toBe(false);
    expect(isValidIban("")).toBe(false);
  });
});
