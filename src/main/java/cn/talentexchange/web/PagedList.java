package cn.talentexchange.web;

import java.util.List;
import java.util.function.Function;

/** The one shape of every list the API returns. */
public record PagedList<T>(List<T> items, int page, int size, long total) {

	public static <T> PagedList<T> of(List<T> items, Paging paging, long total) {
		return new PagedList<>(items, paging.page(), paging.size(), total);
	}

	public <R> PagedList<R> map(Function<? super T, ? extends R> mapper) {
		return new PagedList<>(items.stream().<R>map(mapper).toList(), page, size, total);
	}

}
