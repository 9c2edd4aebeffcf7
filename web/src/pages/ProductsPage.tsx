import { Tabs } from "@mantine/core";
import { IconDiscount, IconFileDescription, IconPackage, IconReceipt } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageHeader } from "../components/PageHeader";
import { CatalogueTab } from "../features/catalogue/CatalogueTab";
import { DiscountsTab } from "../features/catalogue/DiscountsTab";
import { PriceListsTab } from "../features/catalogue/PriceListsTab";
import { TermsTab } from "../features/catalogue/TermsTab";

const TABS = [
  { value: "catalogue", Icon: IconPackage, label: "catalogue.tabs.products" },
  { value: "prices", Icon: IconReceipt, label: "catalogue.tabs.prices" },
  { value: "discounts", Icon: IconDiscount, label: "catalogue.tabs.discounts" },
  { value: "terms", Icon: IconFileDescription, label: "catalogue.tabs.terms" },
] as const;

export function ProductsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((x) => x.value === params.get("tab"))?.value ?? "catalogue";
  return (
    <>
      <PageHeader title={t("catalogue.title")} description={t("catalogue.subtitle")} />
      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(value) =>
          value && setParams(value === "catalogue" ? {} : { tab: value }, { replace: true })
        }
      >
        <Tabs.List aria-label={t("catalogue.tabs.label")} mb="md">
          {TABS.map(({ value, Icon, label }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} aria-hidden />}>
              {t(label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="catalogue">
          <CatalogueTab />
        </Tabs.Panel>
        <Tabs.Panel value="prices">
          <PriceListsTab />
        </Tabs.Panel>
        <Tabs.Panel value="discounts">
          <DiscountsTab />
        </Tabs.Panel>
        <Tabs.Panel value="terms">
          <TermsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
