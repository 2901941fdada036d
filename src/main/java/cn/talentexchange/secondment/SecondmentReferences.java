package cn.talentexchange.secondment;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.talentexchange.pairing.Pairing;
import cn.talentexchange.pairing.ReferenceData;
import cn.talentexchange.web.ApiProblem;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The organisations that exchange cadres, and the pairing an exchange between two of them counts for. */
@Component
class SecondmentReferences {

	private final ReactiveMongoTemplate mongo;

	private final ReferenceData references;

	SecondmentReferences(ReactiveMongoTemplate mongo, ReferenceData references) {
		this.mongo = mongo;
		this.references = references;
	}

	Mono<SecondmentOrganisation> organisation(String field, String id) {
		return mongo.findById(id, SecondmentOrganisation.class)
			.switchIfEmpty(Mono.error(() -> ApiProblem.invalid(field, "no organisation '" + id + "'")));
	}

	Mono<Map<String, SecondmentOrganisation>> organisations() {
		return mongo.findAll(SecondmentOrganisation.class).collectMap(SecondmentOrganisation::id, Function.identity());
	}

	/** Pairings by each of their areas (county, district and park). */
	Mono<Map<String, Pairing>> pairingsByArea() {
		return references.pairings()
			.flatMapIterable(pairing -> List.of(Map.entry(pairing.countyId(), pairing),
					Map.entry(pairing.districtId(), pairing), Map.entry(pairing.parkId(), pairing)))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (first, second) -> first));
	}

	/**
	 * The pairing an exchange counts for: the county side's, when exactly one side is a county. Two city
	 * organisations (or two county ones) exchange outside the pairings.
	 */
	static String pairingOf(SecondmentOrganisation home, SecondmentOrganisation host, Map<String, Pairing> byArea) {
		if (home.tier() == host.tier()) {
			return null;
		}
		SecondmentOrganisation county = home.tier() == Tier.COUNTY ? home : host;
		Pairing pairing = byArea.get(county.areaId());
		return pairing == null ? null : pairing.id();
	}

}
