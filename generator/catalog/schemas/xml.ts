/** Placeholder (written below). */
export const XML_XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>`;
