package cn.talentexchange.web;

/** A page of a list, as asked for with {@code ?page=&size=}; sizes above the cap are capped, not refused. */
public record Paging(int page, int size) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	public static Paging of(int page, int size) {
		if (page < 0) {
			throw ApiProblem.invalid("page", "must be 0 or more");
		}
		if (size < 1) {
			throw ApiProblem.invalid("size", "must be 1 or more");
		}
		return new Paging(page, Math.min(size, MAX_SIZE));
	}

	public long offset() {
		return (long) page * size;
	}

}
