// A loopback fake of the BWB connection of zoekservice.overheid.nl's SRU service: it answers
// `dcterms.identifier==<id> and overheidbwb.geldigheidsdatum==<day>` with the versions valid
// on that day, in the XML shape of the real searchRetrieve response, and records each query.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeVersion {
  start: string;
  /** Last day; open-ended when absent (the real service then says 9999-12-31). */
  end?: string;
}

export interface FakeLaw {
  title: string;
  versions: FakeVersion[];
}

export interface FakeBwb {
  url: string;
  /** CQL queries received, in order. */
  queries: string[];
  /** Change the behaviour: "ok" (default), "error" (HTTP 503), "hang" (never answers). */
  mode: "ok" | "error" | "hang";
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function record(id: string, law: FakeLaw, v: FakeVersion, position: number): string {
  return `
    <srw:record>
      <srw:recordSchema>http://standaarden.overheid.nl/sru/</srw:recordSchema>
      <srw:recordPacking>xml</srw:recordPacking>
      <srw:recordData>
        <gzd:gzd>
          <gzd:originalData>
            <overheidbwb:meta>
              <owmskern>
                <dcterms:identifier>${id}</dcterms:identifier>
                <dcterms:title>${esc(law.title)}</dcterms:title>
                <dcterms:type>wet</dcterms:type>
                <overheid:authority>Volksgezondheid, Welzijn en Sport</overheid:authority>
                <dcterms:modified>${v.start}</dcterms:modified>
              </owmskern>
              <bwbipm>
                <overheidbwb:datum_inwerkingtreding>2006-01-01</overheidbwb:datum_inwerkingtreding>
                <overheidbwb:geldigheidsperiode_startdatum>${v.start}</overheidbwb:geldigheidsperiode_startdatum>
                <overheidbwb:geldigheidsperiode_einddatum>${v.end ?? "9999-12-31"}</overheidbwb:geldigheidsperiode_einddatum>
              </bwbipm>
            </overheidbwb:meta>
          </gzd:originalData>
          <gzd:enrichedData>
            <overheidbwb:locatie_toestand>https://repository.officiele-overheidspublicaties.nl/bwb/${id}/${v.start}_0/xml/${id}_${v.start}_0.xml</overheidbwb:locatie_toestand>
          </gzd:enrichedData>
        </gzd:gzd>
      </srw:recordData>
      <srw:recordPosition>${position}</srw:recordPosition>
    </srw:record>`;
}

function response(records: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<srw:searchRetrieveResponse xmlns:srw="http://www.loc.gov/zing/srw/" xmlns:gzd="http://standaarden.overheid.nl/sru" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:overheid="http://standaarden.overheid.nl/owms/terms/" xmlns:overheidbwb="http://standaarden.overheid.nl/bwb/terms/">
  <srw:version>1.2</srw:version>
  <srw:numberOfRecords>${records.length}</srw:numberOfRecords>
  <srw:records>${records.join("")}
  </srw:records>
</srw:searchRetrieveResponse>`;
}

function diagnostic(message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<srw:searchRetrieveResponse xmlns:srw="http://www.loc.gov/zing/srw/">
  <srw:version>1.2</srw:version>
  <srw:numberOfRecords>0</srw:numberOfRecords>
  <srw:diagnostics>
    <diag:diagnostic xmlns:diag="http://www.loc.gov/zing/srw/diagnostic/">
      <diag:uri>info:srw/diagnostic/1/10</diag:uri>
      <diag:message>${esc(message)}</diag:message>
    </diag:diagnostic>
  </srw:diagnostics>
</srw:searchRetrieveResponse>`;
}

/** Start the fake on 127.0.0.1 with these laws (BWB id -> title and versions). */
export async function startFakeBwb(laws: Record<string, FakeLaw>): Promise<FakeBwb> {
  const fake: Omit<FakeBwb, "url" | "close"> = { queries: [], mode: "ok" };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const query = url.searchParams.get("query") ?? "";
    fake.queries.push(query);
    if (fake.mode === "hang") return;
    if (fake.mode === "error") {
      res.writeHead(503, { "content-type": "text/plain" }).end("Service Unavailable");
      return;
    }
    res.setHeader("content-type", "text/xml; charset=utf-8");
    const ok =
      url.pathname === "/sru/Search" &&
      url.searchParams.get("x-connection") === "BWB" &&
      url.searchParams.get("operation") === "searchRetrieve";
    const m = /^dcterms\.identifier==(BWBR\d{7}) and overheidbwb\.geldigheidsdatum==(\d{4}-\d{2}-\d{2})$/.exec(query);
    if (!ok || !m) {
      res.end(diagnostic(`Query syntax error: ${query}`));
      return;
    }
    const [, id, day] = m as unknown as [string, string, string];
    const law = laws[id];
    const valid = (law?.versions ?? []).filter((v) => v.start <= day && (v.end ?? "9999-12-31") >= day);
    res.end(response(valid.map((v, i) => record(id, law!, v, i + 1))));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}/sru/Search`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as FakeBwb;
}
