/**
 * Reading and writing ebRIM 3.0 registry objects in the value shapes of the generated code: the
 * `Identifiable` substitution group (tagged `{ $el, value }`), slots, external identifiers,
 * and XDS patient identifiers (HL7 v2 CX).
 */
import type {
  AssociationType1,
  ExternalIdentifierType,
  ExtrinsicObjectType,
  IdentifiableTypeOrDerived,
  RegistryObjectListType,
  RegistryObjectType,
  RegistryPackageType,
  SlotType1,
} from '../../../generated/schemas/ebrim/index.js';

/** A registry object of a request, by kind. */
export type RegistryItem =
  | { readonly kind: 'ExtrinsicObject'; readonly value: ExtrinsicObjectType }
  | { readonly kind: 'RegistryPackage'; readonly value: RegistryPackageType }
  | { readonly kind: 'Association'; readonly value: AssociationType1 }
  | { readonly kind: 'Other'; readonly value: IdentifiableTypeOrDerived };

const BY_ELEMENT: Readonly<Record<string, RegistryItem['kind']>> = {
  ExtrinsicObjectElement: 'ExtrinsicObject',
  RegistryPackageElement: 'RegistryPackage',
  AssociationElement: 'Association',
};
const BY_TYPE: Readonly<Record<string, RegistryItem['kind']>> = {
  ExtrinsicObjectType: 'ExtrinsicObject',
  RegistryPackageType: 'RegistryPackage',
  AssociationType1: 'Association',
};

/** The objects of a `RegistryObjectList`, classified by element (or by `xsi:type` under a generic element). */
export function registryItems(list: RegistryObjectListType | undefined): RegistryItem[] {
  const out: RegistryItem[] = [];
  for (const tagged of list?.Identifiable ?? []) {
    const value = tagged.value as IdentifiableTypeOrDerived;
    const typeKey = (value as { $type?: string }).$type;
    const kind = BY_ELEMENT[tagged.$el] ?? (typeKey === undefined ? undefined : BY_TYPE[typeKey]) ?? 'Other';
    out.push({ kind, value } as RegistryItem);
  }
  return out;
}

/** The values of slot `name` (empty when absent). */
export function slotValues(object: { readonly Slot?: readonly SlotType1[] }, name: string): string[] {
  return object.Slot?.find((s) => s.name === name)?.ValueList.Value ?? [];
}

/** Sets slot `name` to `values`, replacing an existing slot of that name. */
export function withSlot<T extends { readonly Slot?: readonly SlotType1[] }>(object: T, name: string, values: readonly string[]): T {
  const slots = (object.Slot ?? []).filter((s) => s.name !== name);
  slots.push({ name, ValueList: { Value: [...values] } });
  return { ...object, Slot: slots };
}

/** The external identifier of `object` in `scheme`, if any. */
export function externalIdentifier(object: RegistryObjectType, scheme: string): ExternalIdentifierType | undefined {
  return object.ExternalIdentifier?.find((e) => e.identificationScheme === scheme);
}

/**
 * An XDS patient identifier reduced to what identifies the patient: ID and assigning authority
 * (`<id>^^^&<oid>&ISO`). The DMP's submissions append `^NH^^<date>`; queries send `^NH`.
 * Undefined when the value is not a CX with an assigning authority.
 */
export function patientKey(cx: string): string | undefined {
  const parts = cx.trim().split('^');
  const id = parts[0] ?? '';
  const authority = parts[3] ?? '';
  if (id === '' || !/^&[0-9.]+&ISO$/.test(authority)) return undefined;
  return `${id}^^^${authority}`;
}

/**
 * The values of a stored query parameter slot: `'a'`, `('a','b')`, several `Value`s; quotes
 * removed and doubled quotes undone (ITI TF-2a §3.18.4.1.2.3.5).
 */
export function queryParameterValues(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of values) {
    let text = raw.trim();
    if (text.startsWith('(') && text.endsWith(')')) text = text.slice(1, -1);
    let i = 0;
    while (i < text.length) {
      while (i < text.length && (text[i] === ' ' || text[i] === ',')) i++;
      if (i >= text.length) break;
      if (text[i] === "'") {
        let value = '';
        i++;
        while (i < text.length) {
          if (text[i] === "'" && text[i + 1] === "'") {
            value += "'";
            i += 2;
          } else if (text[i] === "'") {
            i++;
            break;
          } else value += text[i++];
        }
        out.push(value);
      } else {
        const end = text.indexOf(',', i);
        out.push(text.slice(i, end < 0 ? text.length : end).trim());
        i = end < 0 ? text.length : end + 1;
      }
    }
  }
  return out;
}
