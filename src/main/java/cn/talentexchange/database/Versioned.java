package cn.talentexchange.database;

/** A document whose every change bumps {@code version}, so that concurrent writers cannot silently overwrite. */
public interface Versioned {

	String id();

	long version();

}
