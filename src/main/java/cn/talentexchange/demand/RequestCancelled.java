package cn.talentexchange.demand;

/** Published after a request was cancelled, so its offers and accepted visits end at once. */
public record RequestCancelled(String requestId) {
}
