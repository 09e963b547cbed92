/** Placeholder (written below). */
export const SOAP11_ENVELOPE_XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>`;
