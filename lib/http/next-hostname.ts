// The hostname Next is told it serves under, from the address the server listens on.
//
// Next compares a proxy rewrite's URL, built from the request's URL, with the URL it built for
// the request from this hostname; when their origins differ it takes the rewrite for another
// site and proxies it over HTTP — to itself, for every cached public page. The proxy's request
// URL names any loopback address (127.0.0.1, ::1) as `localhost`, so Next must be given that too.

const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|::1|\[::1\]|localhost)$/;

export function nextHostnameFor(listenHostname: string | undefined): string {
  if (listenHostname === undefined || LOOPBACK.test(listenHostname)) return 'localhost';
  return listenHostname;
}
