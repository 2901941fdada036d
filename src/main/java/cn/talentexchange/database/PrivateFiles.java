package cn.talentexchange.database;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only the service's own user may read: the database holds phone numbers, the key signs tokens. Each is
 * created with owner-only permissions from the first byte, never written first and narrowed afterwards.
 */
public final class PrivateFiles {

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private PrivateFiles() {
	}

	/** Makes sure the file exists with owner-only permissions (an existing one is narrowed), and its directory too. */
	public static Path prepare(Path file) throws IOException {
		Path absolute = file.toAbsolutePath();
		Path directory = absolute.getParent();
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory, attributes(OWNER_DIRECTORY));
		}
		try {
			Files.createFile(absolute, attributes(OWNER_FILE));
		}
		catch (FileAlreadyExistsException existing) {
			if (POSIX) {
				Files.setPosixFilePermissions(absolute, OWNER_FILE);
			}
		}
		return absolute;
	}

	private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
		return POSIX ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) } : new FileAttribute<?>[0];
	}

}
