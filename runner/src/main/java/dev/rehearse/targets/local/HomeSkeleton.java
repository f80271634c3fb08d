package dev.rehearse.targets.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;

/**
 * The files a new account's HOME starts with ({@code /etc/skel}: Debian's {@code .profile}, which sources
 * {@code .bashrc}, {@code .bashrc}, {@code .bash_logout}), copied into a throwaway HOME as {@code useradd -m} would:
 * a guide that adds an export to {@code ~/.bashrc} and logs in again counts on them. Links are copied as links, never
 * followed, and everything copied is the run user's.
 */
final class HomeSkeleton {
    static final Path SYSTEM = Path.of("/etc/skel");

    private HomeSkeleton() {
    }

    /**
     * @param skeleton the folder to copy (nothing when it is not there)
     * @param home     a fresh, empty HOME
     * @param owner    the user (and group) the copies are given to; null to keep them ours (not root: we are the
     *                 run's user)
     */
    static void copy(Path skeleton, Path home, String owner) {
        if (!Files.isDirectory(skeleton, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Owner to = owner == null ? null : new Owner(home, owner);
            Files.walkFileTree(skeleton, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(skeleton)) {
                        made(Files.copy(dir, home.resolve(skeleton.relativize(dir).toString()),
                                StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    made(Files.copy(file, home.resolve(skeleton.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS));
                    return FileVisitResult.CONTINUE;
                }

                private void made(Path copy) throws IOException {
                    if (to != null) {
                        to.give(copy);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + skeleton + " into " + home, e);
        }
    }

    /** A user and its group, looked up once. */
    private static final class Owner {
        private final UserPrincipal user;
        private final GroupPrincipal group;

        Owner(Path home, String name) throws IOException {
            UserPrincipalLookupService lookup = home.getFileSystem().getUserPrincipalLookupService();
            this.user = lookup.lookupPrincipalByName(name);
            this.group = lookup.lookupPrincipalByGroupName(name);
        }

        /** the link itself where {@code path} is one: what it points to is not ours to give */
        void give(Path path) throws IOException {
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            view.setOwner(user);
            view.setGroup(group);
        }
    }
}
