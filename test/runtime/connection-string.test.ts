import { describe, expect, it } from "vitest";
import { parseConnectionString, validateEndpoint } from "../../generator/runtime/connection-string.ts";

const key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==";

describe("parseConnectionString: valid", () => {
  const cases: { name: string; input: string; endpoint: string; accessKey: string }[] = [
    {
      name: "portal form",
      input: `endpoint=https://contoso.communication.azure.com/;accesskey=${key}`,
      endpoint: "https://contoso.communication.azure.com",
      accessKey: key,
    },
    {
      name: "case-insensitive names",
      input: `Endpoint=https://contoso.communication.azure.com/;AccessKey=${key}`,
      endpoint: "https://contoso.communication.azure.com",
      accessKey: key,
    },
    {
      name: "upper case names",
      input: "ENDPOINT=https://a.example;ACCESSKEY=pw==",
      endpoint: "https://a.example",
      accessKey: "pw==",
    },
    {
      name: "no trailing slash",
      input: "endpoint=https://a.example;accesskey=pw==",
      endpoint: "https://a.example",
      accessKey: "pw==",
    },
    {
      name: "trailing ; kept in key",
      input: "endpoint=https://a.example/;accesskey=pw==;",
      endpoint: "https://a.example",
      accessKey: "pw==;",
    },
    {
      name: "greedy: key runs to the end, extra segments included",
      input: "endpoint=https://a.example/;accesskey=pw==;foo=bar",
      endpoint: "https://a.example",
      accessKey: "pw==;foo=bar",
    },
    {
      name: "port accepted",
      input: "endpoint=https://x.communication.azure.com:443/;accesskey=k",
      endpoint: "https://x.communication.azure.com",
      accessKey: "k",
    },
    {
      name: "http and custom port",
      input: "endpoint=http://127.0.0.1:8080/;accesskey=k",
      endpoint: "http://127.0.0.1:8080",
      accessKey: "k",
    },
    {
      name: "surrounding whitespace trimmed",
      input: "  endpoint=https://a.example/;accesskey=pw==\n",
      endpoint: "https://a.example",
      accessKey: "pw==",
    },
  ];

  it.each(cases)("$name", ({ input, endpoint, accessKey }) => {
    expect(parseConnectionString(input)).toEqual({ endpoint, accessKey });
  });

  it("greedy endpoint capture: the endpoint swallows the first ;accesskey= and is then rejected", () => {
    // endpoint = "https://a.example/;accesskey=first", whose path is not "/", so it fails validation
    expect(() => parseConnectionString("endpoint=https://a.example/;accesskey=first;accesskey=second")).toThrow(
      /Invalid connection string/,
    );
  });
});

describe("parseConnectionString: invalid, never echoing the key", () => {
  const secret = "c2VjcmV0LWtleS12YWx1ZQ==";
  const cases: { name: string; input: string }[] = [
    { name: "empty", input: "" },
    { name: "missing accesskey", input: "endpoint=https://a.example/" },
    { name: "missing endpoint", input: `accesskey=${secret}` },
    { name: "empty key", input: "endpoint=https://a.example/;accesskey=" },
    { name: "empty endpoint", input: `endpoint=;accesskey=${secret}` },
    { name: "wrong order", input: `accesskey=${secret};endpoint=https://a.example/` },
    { name: "not a URL", input: `endpoint=not a url;accesskey=${secret}` },
    { name: "bad scheme", input: `endpoint=ftp://a.example/;accesskey=${secret}` },
    { name: "has a path", input: `endpoint=https://a.example/path;accesskey=${secret}` },
    { name: "has a query", input: `endpoint=https://a.example/?x=1;accesskey=${secret}` },
    { name: "key leaks into endpoint", input: `endpoint=https://a.example/;accesskey=${secret};accesskey=x` },
    { name: "other separators", input: `endpoint=https://a.example/&accesskey=${secret}` },
    { name: "junk before", input: `x;endpoint=https://a.example/;accesskey=${secret}` },
  ];

  it.each(cases)("$name", ({ input }) => {
    let error: unknown;
    try {
      parseConnectionString(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    const text = `${String(error)}\n${(error as Error).stack ?? ""}`;
    expect(text).toContain('Invalid connection string: expected "endpoint=<url>;accesskey=<key>"');
    expect(text).not.toContain(secret);
    if (input !== "") expect(text).not.toContain(input);
  });
});

describe("validateEndpoint", () => {
  it.each([
    ["https://contoso.communication.azure.com/", "https://contoso.communication.azure.com"],
    ["https://contoso.communication.azure.com", "https://contoso.communication.azure.com"],
    ["https://Contoso.Communication.Azure.com:443/", "https://contoso.communication.azure.com"],
    ["https://x.example:8443/", "https://x.example:8443"],
    ["http://localhost:3000", "http://localhost:3000"],
    ["http://[::1]:3000/", "http://[::1]:3000"],
  ])("%s -> %s", (input, expected) => {
    expect(validateEndpoint(input)).toBe(expected);
  });

  it.each([
    "",
    "contoso.communication.azure.com",
    "ftp://a.example",
    "wss://a.example",
    "xhttps://a.example",
    "https://a.example/api",
    "https://a.example/?x=1",
    "https://a.example/#x",
    "file:///tmp",
    "https://",
    "https://user:pw@a.example/",
  ])("rejects %j with a message that says what is expected", (input) => {
    expect(() => validateEndpoint(input)).toThrow(
      "Invalid endpoint URL: expected http(s)://<host> (the value is not shown: it may hold a key)",
    );
  });
});
