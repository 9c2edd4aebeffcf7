/**
 * Plain-words explanations of the models, the grade's factors and the credit limit, in the
 * caller's language. The API sends them ready to show so every client says the same thing.
 */
import type { Locale } from "../../../contracts/common";
import type { CreditLimit, GradeFactor } from "../../../core/reliability/grade";
import type { ScoringResult } from "../../../core/scoring";

type Text = Record<Locale, string>;

export const MODEL_NAMES: Record<string, Text> = {
  "altman-z": { ru: "Альтман Z (1968)", en: "Altman Z (1968)" },
  "altman-z-prime": { ru: "Альтман Z′ (непубличные компании)", en: "Altman Z′ (private firms)" },
  "altman-z-double-prime": { ru: "Альтман Z″ (непроизводственные)", en: "Altman Z″ (non-manufacturers)" },
  taffler: { ru: "Таффлер", en: "Taffler" },
  "saifullin-kadykov": { ru: "Сайфуллин–Кадыков", en: "Saifullin–Kadykov" },
  zaitseva: { ru: "Зайцева", en: "Zaitseva" },
  igea: { ru: "ИГЭА (Давыдова–Беликов)", en: "IGEA (Davydova–Belikov)" },
};

const ABOUT: Record<string, Text> = {
  "altman-z": {
    ru: "Классическая модель по пяти показателям: оборотный капитал, нераспределённая прибыль, прибыль до налогов и процентов, собственный капитал к обязательствам, выручка — всё к активам. Ниже 1,81 — зона банкротства, выше 2,99 — безопасная.",
    en: "The classic five-ratio model: working capital, retained earnings, EBIT, equity to liabilities and sales, each over total assets. Below 1.81 is distress, above 2.99 safe.",
  },
  "altman-z-prime": {
    ru: "Вариант для компаний без котировок акций: собственный капитал по балансу. Ниже 1,23 — риск, выше 2,90 — безопасно.",
    en: "The variant for firms without a share price: book equity. Below 1.23 distress, above 2.90 safe.",
  },
  "altman-z-double-prime": {
    ru: "Вариант для торговли и услуг, без оборачиваемости активов. Ниже 1,10 — риск, выше 2,60 — безопасно.",
    en: "The variant for trade and services, without asset turnover. Below 1.10 distress, above 2.60 safe.",
  },
  taffler: {
    ru: "Четыре показателя: прибыль к краткосрочным долгам, оборотные активы к обязательствам, доля краткосрочных долгов в активах, оборачиваемость. Выше 0,3 — низкий риск, ниже 0,2 — высокий.",
    en: "Four ratios: profit to current liabilities, current assets to liabilities, current liabilities to assets, turnover. Above 0.3 low risk, below 0.2 high.",
  },
  "saifullin-kadykov": {
    ru: "Рейтинг по обеспеченности собственными средствами, ликвидности, оборачиваемости, рентабельности продаж и капитала. Меньше 1 — финансовое состояние неудовлетворительное.",
    en: "A rating over own working capital, liquidity, turnover, return on sales and on equity. Below 1 means an unsatisfactory financial condition.",
  },
  zaitseva: {
    ru: "Шесть показателей (убыточность, кредиторская к дебиторской, ликвидность, финансовый рычаг, загрузка активов) сравниваются с нормативом 1,57 + 0,1 × загрузка активов прошлого года. Выше норматива — высокий риск.",
    en: "Six ratios (losses, payables to receivables, liquidity, leverage, asset load) compared with the norm 1.57 + 0.1 × last year's asset load. Above the norm is high risk.",
  },
  igea: {
    ru: "Иркутская модель (ИГЭА, Давыдова–Беликов): оборотный капитал к активам, рентабельность капитала, оборачиваемость, рентабельность затрат. Чем больше R, тем ниже вероятность банкротства.",
    en: "The Irkutsk model (IGEA, Davydova–Belikov): working capital to assets, return on equity, turnover, return on costs. The higher R, the lower the bankruptcy probability.",
  },
};

const VERDICTS: Record<string, Text> = {
  safe: { ru: "безопасная зона", en: "safe zone" },
  grey: { ru: "серая зона", en: "grey zone" },
  distress: { ru: "зона риска банкротства", en: "distress zone" },
  low_risk: { ru: "низкий риск", en: "low risk" },
  uncertain: { ru: "неопределённость", en: "uncertain" },
  high_risk: { ru: "высокий риск", en: "high risk" },
  satisfactory: { ru: "удовлетворительное", en: "satisfactory" },
  unsatisfactory: { ru: "неудовлетворительное", en: "unsatisfactory" },
  maximal: { ru: "вероятность банкротства 90–100%", en: "bankruptcy probability 90–100%" },
  high: { ru: "вероятность банкротства 60–80%", en: "bankruptcy probability 60–80%" },
  medium: { ru: "вероятность банкротства 35–50%", en: "bankruptcy probability 35–50%" },
  low: { ru: "вероятность банкротства 15–20%", en: "bankruptcy probability 15–20%" },
  minimal: { ru: "вероятность банкротства до 10%", en: "bankruptcy probability up to 10%" },
};

const fmt = (n: number, locale: Locale) =>
  n.toLocaleString(locale === "ru" ? "ru-RU" : "en-GB", { maximumFractionDigits: 4 });

export function verdictText(verdict: string | null, locale: Locale): string {
  return verdict ? (VERDICTS[verdict]?.[locale] ?? verdict) : locale === "ru" ? "нет данных" : "no data";
}

export function explainModel(m: ScoringResult, locale: Locale): string {
  const parts = [ABOUT[m.model]?.[locale] ?? ""];
  const ru = locale === "ru";
  if (m.value === null) {
    parts.push(
      m.missing.length
        ? ru
          ? `Не хватает строк: ${m.missing.join(", ")}.`
          : `Missing lines: ${m.missing.join(", ")}.`
        : ru
          ? `Деление на ноль в показателях ${m.zeroDenominators.join(", ")}.`
          : `Division by zero in ${m.zeroDenominators.join(", ")}.`,
    );
  } else {
    parts.push(
      ru
        ? `Значение ${fmt(m.value, locale)}: ${verdictText(m.verdict, locale)}.`
        : `Value ${fmt(m.value, locale)}: ${verdictText(m.verdict, locale)}.`,
    );
  }
  if (m.model === "zaitseva" && m.thresholds.norm !== undefined) {
    parts.push(
      ru ? `Норматив ${fmt(m.thresholds.norm, locale)}.` : `Norm ${fmt(m.thresholds.norm, locale)}.`,
    );
  }
  if (m.flags.normFromCurrentYear) {
    parts.push(
      ru
        ? "Отчётности за прошлый год нет, поэтому норматив посчитан по загрузке активов этого года."
        : "There is no previous year, so the norm uses this year's asset load.",
    );
  }
  if (m.model === "igea") {
    parts.push(
      m.flags.k1CurrentAssets
        ? ru
          ? "K1 = оборотные активы / активы (настройка администратора; так почти любая компания выглядит надёжной)."
          : "K1 = current assets / total assets (an admin setting; it makes almost any firm look safe)."
        : ru
          ? "K1 = чистый оборотный капитал (1200 − 1500) / активы: источники расходятся, мы берём более строгий вариант."
          : "K1 = net working capital (1200 − 1500) / total assets: sources differ, we take the stricter one.",
    );
  }
  if (m.flags.averageAssetsFromCurrentYear) {
    parts.push(
      ru
        ? "Средние активы взяты за текущий год: прошлого года нет."
        : "Average assets use this year only: no previous year.",
    );
  }
  return parts.filter(Boolean).join(" ");
}

const STATUS: Record<string, Text> = {
  ACTIVE: { ru: "действующая", en: "active" },
  LIQUIDATING: { ru: "ликвидируется", en: "liquidating" },
  LIQUIDATED: { ru: "ликвидирована", en: "liquidated" },
  BANKRUPT: { ru: "банкротство", en: "bankrupt" },
  REORGANIZING: { ru: "реорганизация", en: "reorganising" },
  UNKNOWN: { ru: "неизвестен", en: "unknown" },
};

export function explainFactor(f: GradeFactor, locale: Locale): string {
  const ru = locale === "ru";
  const p = f.params;
  const pts =
    f.score === null
      ? ""
      : ru
        ? ` (${f.score} из 100, вес ${f.weight})`
        : ` (${f.score} of 100, weight ${f.weight})`;
  switch (f.reason) {
    case "registry_unknown":
      return ru ? "Данных реестра нет — фактор не учтён." : "No registry data — the factor is left out.";
    case "registry_not_found":
      return (
        (ru
          ? "Компания не найдена в реестре по ИНН"
          : "The company is not found in the registry by its INN") +
        pts +
        "."
      );
    case "registry_status":
    case "registry_status_flags": {
      const status = STATUS[String(p.status)]?.[locale] ?? String(p.status);
      const flags = String(p.flags || "")
        .split(",")
        .filter(Boolean)
        .map((x) =>
          x === "massAddress"
            ? ru
              ? "массовый адрес"
              : "mass address"
            : ru
              ? "массовый руководитель"
              : "mass director",
        );
      return (
        (ru ? `Статус в реестре: ${status}` : `Registry status: ${status}`) +
        (flags.length ? (ru ? `; признаки: ${flags.join(", ")}` : `; flags: ${flags.join(", ")}`) : "") +
        pts +
        "."
      );
    }
    case "age_unknown":
      return ru
        ? "Дата регистрации неизвестна — возраст не учтён."
        : "Registration date unknown — age is left out.";
    case "age_years":
      return (
        (ru
          ? `Компании ${fmt(Number(p.years), locale)} лет`
          : `The company is ${fmt(Number(p.years), locale)} years old`) +
        pts +
        "."
      );
    case "models_none":
      return ru
        ? "Нет отчётности — модели банкротства не учтены."
        : "No statements — bankruptcy models are left out.";
    case "models_zones":
      return (
        (ru
          ? `Модели банкротства: безопасно ${p.safe}, серая зона ${p.grey}, риск ${p.distress} из ${p.total}`
          : `Bankruptcy models: safe ${p.safe}, grey ${p.grey}, distress ${p.distress} of ${p.total}`) +
        pts +
        "."
      );
    case "payment_none":
      return ru
        ? "Истории оплат нет — платёжная дисциплина не учтена."
        : "No payment record — payment discipline is left out.";
    case "payment_record":
      return (
        (ru
          ? `Оплачено в срок ${p.onTimePercent}%, в среднем опоздание ${p.averageDaysLate} дн., просроченных счетов ${p.overdue}`
          : `Paid on time ${p.onTimePercent}%, on average ${p.averageDaysLate} days late, ${p.overdue} overdue invoices`) +
        pts +
        "."
      );
    default:
      return f.reason;
  }
}

const rub = (kopecks: number | null, locale: Locale) =>
  kopecks === null
    ? "—"
    : `${Math.round(kopecks / 100).toLocaleString(locale === "ru" ? "ru-RU" : "en-GB")} ₽`;

export function explainLimit(l: CreditLimit, grade: string | null, locale: Locale): string {
  const ru = locale === "ru";
  const g = grade ?? "—";
  if (l.basis === "statements") {
    return ru
      ? `Меньшее из: доля выручки ${rub(l.revenuePart, locale)} и доля собственного капитала ${rub(l.equityPart, locale)}, умноженное на коэффициент оценки ${g} (${l.gradeFactor})${l.capped ? ", ограничено максимумом" : ""}.`
      : `The smaller of a revenue share ${rub(l.revenuePart, locale)} and an equity share ${rub(l.equityPart, locale)}, times the factor of grade ${g} (${l.gradeFactor})${l.capped ? ", capped at the maximum" : ""}.`;
  }
  if (l.basis === "history") {
    return ru
      ? `Отчётности нет: средние отгрузки за месяц ${rub(l.historyPart, locale)}, умноженные на коэффициент оценки ${g} (${l.gradeFactor}).`
      : `No statements: average monthly invoicing ${rub(l.historyPart, locale)}, times the factor of grade ${g} (${l.gradeFactor}).`;
  }
  return ru
    ? "Не из чего считать лимит: нет ни отчётности, ни истории счетов. Отсрочка — только по решению руководителя."
    : "Nothing to base a limit on: no statements and no invoices. Deferred payment only by the head's decision.";
}
