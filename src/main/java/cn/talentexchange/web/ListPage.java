package cn.talentexchange.web;

/** What every paged answer has besides its items: where it is in the list, which its Link header names. */
public interface ListPage {

	int page();

	int size();

	long total();

}
