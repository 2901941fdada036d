package cn.talentexchange.database;

/**
 * A compare-and-set found the document changed by another writer between the read and the write: read it
 * again and decide again. Carries no stack trace; it is control flow, caught by a retry.
 */
public final class LostRace extends RuntimeException {

	public LostRace() {
		super(null, null, false, false);
	}

}
