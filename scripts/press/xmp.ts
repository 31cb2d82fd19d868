// The XMP metadata packet a PDF/X carries: its version, title, dates and producer (PDF/X-4 requires it).

export interface XmpFields {
  version: string;
  title: string;
  date: Date;
  producer: string;
}

const escapeXml = (text: string) => text.replace(/[<>&"]/g, (char) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot' }[char]};`);

/** The packet, with the dates to the second in UTC (so the same build date gives the same bytes). */
export function xmpPacket({ version, title, date, producer }: XmpFields): string {
  const when = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `<?xpacket begin="\u{feff}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"
    xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/">
   <pdfxid:GTS_PDFXVersion>${escapeXml(version)}</pdfxid:GTS_PDFXVersion>
   <pdfx:GTS_PDFXVersion>${escapeXml(version)}</pdfx:GTS_PDFXVersion>
   <pdf:Trapped>False</pdf:Trapped>
   <pdf:Producer>${escapeXml(producer)}</pdf:Producer>
   <xmp:CreateDate>${when}</xmp:CreateDate>
   <xmp:ModifyDate>${when}</xmp:ModifyDate>
   <xmp:MetadataDate>${when}</xmp:MetadataDate>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(title)}</rdf:li></rdf:Alt></dc:title>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
