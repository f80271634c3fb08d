package dev.rehearse.plan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SilentCommandsTest {

    @ParameterizedTest
    @ValueSource(strings = {"mkdir -p ~/notes", "echo one > ~/notes/a.txt", "printf 'a\\n' >> log", "cd ~/app",
            "export APP_ENV=dev", "APP_ENV=dev", "cp -a a b && chmod 600 b", "sudo -u git mkdir x", "tar xzf a.tgz",
            "tar -czf a.tgz dir", "sed -i 's/a/b/' f", "git config --global user.name Ada", "git add .",
            "python3 -m venv ~/venv", "source ~/venv/bin/activate", "make > build.log 2>&1", "set -e",
            "echo 'a > b' > f", "ls &> /dev/null", "ln -sf a b; touch c"})
    void printsNothingWhenItSucceeds(String command) {
        assertTrue(SilentCommands.printsNothing(command), command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ls ~/notes", "echo one", "echo 'a > b'", "cp -v a b", "rm -i a", "mkdir -pv x",
            "cd -", "export", "export -p", "alias", "set -o", "tar tzf a.tgz", "tar xvzf a.tgz", "sed 's/a/b/' f",
            "git config user.name", "git config --get user.name", "git status", "echo x >&2", "grep x f 2> err",
            "sleep 100 &", "mkdir x && ls x", "cat <<EOF > f\nx\nEOF", "echo $(date) > f", "python3 -m http.server",
            "cat a | sort > b | wc -l", "sudo"})
    void mayPrint(String command) {
        assertFalse(SilentCommands.printsNothing(command), command);
    }
}
