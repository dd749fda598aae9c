// The emulator mode (no Bot Framework auth) is only safe when nobody but this machine can reach
// the endpoint: accept loopback peers only. The socket's own address is used on purpose;
// X-Forwarded-For is set by the caller and proves nothing.

/** True for 127.0.0.0/8, ::1 and IPv4-mapped 127.x addresses. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase();
  if (a === "::1" || a === "0:0:0:0:0:0:0:1") return true;
  const v4 = a.startsWith("::ffff:") ? a.slice("::ffff:".length) : a;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
