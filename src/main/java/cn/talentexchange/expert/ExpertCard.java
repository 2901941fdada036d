package cn.talentexchange.expert;

/** An expert as a roster names them; the phone number unmasked, for the caller to mask as the reader's role asks. */
public record ExpertCard(String id, String displayName, String organisationId, String phone) {
}
