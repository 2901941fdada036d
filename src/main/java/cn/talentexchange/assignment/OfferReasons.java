package cn.talentexchange.assignment;

import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

/**
 * Why the planner put an expert on an assignment's seat, in the reader's language: their skill and level, the
 * distance, their organisation's pairing, continuity, their track record. The planning module answers from the plan
 * that chose them, with the same words as the county's explanation; a seat given by hand has none.
 */
public interface OfferReasons {

	Mono<List<String>> of(Assignment assignment, Locale locale);

}
