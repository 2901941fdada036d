package cn.talentexchange.web;

import java.util.List;
import java.util.function.Function;

/** The one shape of every list the API returns. */
public record PagedList<T>(List<T> items, int page, int size, long total) implements ListPage {

	public static <T> PagedList<T> of(List<T> items, Paging paging, long total) {
		return new PagedList<>(items, paging.page(), paging.size(), total);
	}

	/** The page of a list already filtered and sorted in full. */
	public static <T> PagedList<T> slice(List<T> all, Paging paging) {
		int from = (int) Math.min(paging.offset(), all.size());
		int to = Math.min(from + paging.size(), all.size());
		return of(List.copyOf(all.subList(from, to)), paging, all.size());
	}

	public <R> PagedList<R> map(Function<? super T, ? extends R> mapper) {
		return new PagedList<>(items.stream().<R>map(mapper).toList(), page, size, total);
	}

}
