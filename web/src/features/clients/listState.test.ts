import { describe, expect, it } from "vitest";
import {
  DEFAULT_COLUMNS,
  fromView,
  hasFilters,
  matchesView,
  nextSort,
  parseListState,
  toApiQuery,
  toSearchParams,
  toViewBody,
} from "./listState";

describe("client list state in the address bar", () => {
  it("round-trips filters, sort and columns", () => {
    const params = new URLSearchParams(
      "status=client&region=Москва,СПб&ownerId=u1&noContactSince=2026-01-31&sort=-lastContactAt&cols=name,inn,owner",
    );
    const state = parseListState(params);
    expect(state).toMatchObject({
      status: "client",
      region: "Москва,СПб",
      ownerId: "u1",
      noContactSince: "2026-01-31",
      sort: "-lastContactAt",
      columns: ["name", "inn", "owner"],
    });
    expect(parseListState(toSearchParams(state))).toEqual(state);
  });

  it("ignores what it does not know instead of breaking the page", () => {
    const state = parseListState(
      new URLSearchParams("status=vip,client&sort=-password&cols=inn,secret&noContactSince=вчера"),
    );
    expect(state.status).toBe("client");
    expect(state.sort).toBe("");
    expect(state.columns).toEqual(["name", "inn"]);
    expect(state.noContactSince).toBe("");
  });

  it("keeps the default state out of the URL", () => {
    expect(toSearchParams(parseListState(new URLSearchParams())).toString()).toBe("");
    expect(parseListState(new URLSearchParams()).columns).toEqual(DEFAULT_COLUMNS);
  });

  it("sends the API the trimmed filters only", () => {
    const state = parseListState(new URLSearchParams("segment= опт , розница ,&q=%20ромашка%20"));
    expect(toApiQuery(state)).toEqual({ segment: "опт,розница", q: "ромашка" });
    expect(hasFilters(state)).toBe(true);
    expect(hasFilters(parseListState(new URLSearchParams("sort=name")))).toBe(false);
  });

  it("cycles a header's sort: ascending, descending, default", () => {
    expect(nextSort("", "name")).toBe("name");
    expect(nextSort("name", "name")).toBe("-name");
    expect(nextSort("-name", "name")).toBe("");
    expect(nextSort("-name", "inn")).toBe("inn");
  });

  it("saves and reopens a view", () => {
    const state = parseListState(new URLSearchParams("status=prospect&tag=опт&sort=inn&cols=name,tags"));
    const body = toViewBody(state);
    expect(body).toEqual({
      query: { status: "prospect", tag: "опт", sort: "inn" },
      columns: ["name", "tags"],
    });
    expect(fromView(body)).toEqual(state);
    expect(matchesView(state, body)).toBe(true);
    expect(matchesView({ ...state, tag: "розница" }, body)).toBe(false);
  });
});
