package cn.talentexchange.planning;

import java.util.List;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.assignment.VisitFacts;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.Requests;
import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.planning.domain.TrackRecord;
import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The track records come from two queries on the stored documents. The expert is no seed expert, so the plans
 * of the tests sharing this database do not see them.
 */
@TestPropertySource(properties = "talent.embedded-mongo.database=plans")
class TrackRecordsLoadingTest extends ApiTest {

	private static final String EXPERT = "track-record-expert";

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	VisitFacts visitFacts;

	@Autowired
	Requests requests;

	@Test
	void ratedVisitsAndNoShowsAreReadWithTheirRequestsCategory() {
		String industry = seedRequestOf(ActionCategory.INDUSTRY);
		String planning = seedRequestOf(ActionCategory.PLANNING);
		mongo.insertAll(List.of(TrackRecordsTest.rated(EXPERT, industry, Assignment.Outcome.SOLVED, 5),
				TrackRecordsTest.noShow(EXPERT, planning),
				TrackRecordsTest.visit(EXPERT, planning, AssignmentStatus.COMPLETED, null),
				TrackRecordsTest.visit(EXPERT, industry, AssignmentStatus.DECLINED, null))).blockLast();

		TrackRecords.load(visitFacts, requests).as(StepVerifier::create).assertNext(records -> {
			assertThat(records.of(EXPERT, ActionCategory.INDUSTRY)).isEqualTo(new TrackRecord(1, 0, 1, 0, 5));
			assertThat(records.of(EXPERT, ActionCategory.PLANNING)).isEqualTo(new TrackRecord(1, 1, 0, 0, 0));
		}).verifyComplete();
	}

	private String seedRequestOf(ActionCategory category) {
		return mongo.findOne(Query.query(Criteria.where("category").is(category)), DemandRequest.class).block().id();
	}

}
