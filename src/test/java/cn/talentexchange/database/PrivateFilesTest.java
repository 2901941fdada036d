package cn.talentexchange.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PrivateFilesTest {

	@TempDir
	Path directory;

	@Test
	void aNewFileAndItsDirectoryAreTheOwnersAlone() throws Exception {
		Path file = PrivateFiles.prepare(directory.resolve("data/store.mv"));

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
	}

	@Test
	void anExistingFileReadableByOthersIsNarrowedAndKeepsItsContent() throws Exception {
		Path file = Files.writeString(directory.resolve("key.json"), "secret");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

		PrivateFiles.prepare(file);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Files.readString(file)).isEqualTo("secret");
	}

}
