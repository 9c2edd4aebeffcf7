import type { SalesDocument } from "../../../contracts/documents";

/**
 * Sales documents for renderer tests and the benchmark. Amounts are worked out by hand from the
 * domain vectors: 1000.00 gross at 22% holds 180.33 VAT; 52 151.00 reads «Пятьдесят две тысячи сто
 * пятьдесят один рубль 00 копеек».
 */
const seller: SalesDocument["seller"] = {
  name: "ООО «Северный Ветер»",
  fullName: "Общество с ограниченной ответственностью «Северный Ветер»",
  inn: "7707083893",
  kpp: "773601001",
  ogrn: "1027700132195",
  address: "г. Москва, ул. Ленинская Слобода, д. 19",
  phone: "+7 (495) 111-22-33",
  email: "sales@veter.ru",
  bankName: "ПАО СБЕРБАНК г. Москва",
  bik: "044525225",
  account: "40702810938000012345",
  corrAccount: "30101810400000000225",
  director: "Журавлёв И. П.",
  directorTitle: "Генеральный директор",
  accountant: "Щукина Е. Ю.",
  logo: null,
  vatPayer: true,
};

const buyer: SalesDocument["buyer"] = {
  name: "ООО «Ёлочка»",
  fullName: null,
  inn: "5024002119",
  kpp: "502401001",
  ogrn: null,
  address: "Московская обл., г. Красногорск, ул. Жуковского, 5",
  phone: null,
  email: "buy@elochka.ru",
  bankName: null,
  bik: null,
  account: null,
  corrAccount: null,
};

const line = (
  position: number,
  name: string,
  quantity: string,
  price: string,
  gross: string,
  vat: string,
  net: string,
  discountPercent = "0",
): SalesDocument["lines"][number] => ({
  position,
  sku: `ART-${position}`,
  name,
  unitCode: "796",
  unitName: "шт",
  quantity,
  price,
  discountPercent,
  vatRate: "22",
  net,
  vat,
  gross,
});

/** A VAT-inclusive proposal of two lines: 1 000,00 and 51 151,00, 52 151,00 in all. */
export function sampleProposal(): SalesDocument {
  return {
    kind: "proposal",
    number: "КП-2026-000042",
    revision: 1,
    issueDate: "2026-11-27",
    validUntil: "2026-12-11",
    dueDate: null,
    seller,
    buyer,
    contactName: "Щербаков Юрий Эдуардович",
    basis: null,
    currency: "RUB",
    vatIncluded: true,
    lines: [
      line(1, "Шкаф металлический ШМ-1", "1", "1000.00", "1000.00", "180.33", "819.67"),
      line(2, "Стеллаж «Эконом» 2000×1000", "10", "5683.45", "51151.00", "9224.03", "41926.97", "10"),
    ],
    totals: {
      net: "42746.64",
      vat: "9404.36",
      gross: "52151.00",
      vatRate: "22",
      vatByRate: [{ rate: "22", vat: "9404.36" }],
    },
    amountInWords: "Пятьдесят две тысячи сто пятьдесят один рубль 00 копеек",
    paymentTerms: "Предоплата 50%, остаток в течение 5 рабочих дней после отгрузки",
    deliveryTerms: "Доставка нашим транспортом до склада покупателя",
    signatory: null,
    notOffer: true,
    notes: null,
  };
}

/** The same goods invoiced by a seller on УСН: no VAT anywhere. */
export function sampleInvoiceWithoutVat(): SalesDocument {
  const p = sampleProposal();
  return {
    ...p,
    kind: "invoice",
    number: "17",
    revision: null,
    validUntil: null,
    dueDate: "2026-12-04",
    basis: "Коммерческое предложение № КП-2026-000042 от 27.11.2026",
    seller: { ...seller, vatPayer: false, name: "ИП Ёжиков Фёдор Степанович", fullName: null, kpp: null },
    lines: p.lines.map((l) => ({ ...l, vatRate: "none", net: l.gross, vat: "0.00" })),
    totals: {
      net: "52151.00",
      vat: "0.00",
      gross: "52151.00",
      vatRate: "none",
      vatByRate: [{ rate: "none", vat: "0.00" }],
    },
    notOffer: false,
  };
}

/** A long proposal for the benchmark: `n` lines of 1 000,00 each at 22% inclusive. */
export function longProposal(n: number): SalesDocument {
  const p = sampleProposal();
  const lines = Array.from({ length: n }, (_, i) =>
    line(
      i + 1,
      `Позиция каталога № ${i + 1} — кресло офисное «Эргономика»`,
      "1",
      "1000.00",
      "1000.00",
      "180.33",
      "819.67",
    ),
  );
  const gross = `${n * 1000}.00`;
  const vatKop = n * 18033;
  const vat = `${Math.floor(vatKop / 100)}.${String(vatKop % 100).padStart(2, "0")}`;
  return {
    ...p,
    lines,
    totals: { net: gross, vat, gross, vatRate: "22", vatByRate: [{ rate: "22", vat }] },
  };
}
