package cn.talentexchange;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Each top-level package is a module: none imports another in a circle, and a module's sub-packages (the planner's
 * domain, constraints and moves, the matcher's solver model) are its internals, used by no other module.
 */
class ModuleEdgesTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.talentexchange");

	@Test
	void modulesDoNotDependOnEachOtherInACircle() {
		slices().matching("cn.talentexchange.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void noModuleReachesIntoAnothersInternals() {
		for (String module : List.of("planning", "secondment")) {
			noClasses().that().resideOutsideOfPackage("cn.talentexchange." + module + "..")
				.should().dependOnClassesThat().resideInAnyPackage("cn.talentexchange." + module + ".*..")
				.check(CLASSES);
		}
	}

}
