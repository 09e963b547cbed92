/** Placeholder (written below). */
export const XOP_INCLUDE_XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>`;
