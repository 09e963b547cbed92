/** Placeholder (written below). */
export const WSS_UTILITY_XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>`;
