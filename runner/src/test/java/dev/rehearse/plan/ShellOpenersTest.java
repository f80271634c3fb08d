package dev.rehearse.plan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which commands open a shell that takes the next commands, in the ways guides write them. */
class ShellOpenersTest {

    @Test
    void aBashWithOptionsOnlyOpensOne() {
        opening("bash", "bash -l", "bash --login", "/bin/bash -i", "bash --norc --noprofile", "bash -o vi",
                "$SHELL", "${SHELL} -l", "exec bash", "exec bash -l", "exec -a -bash bash", "exec $SHELL",
                "PS1= bash --norc", "env -i bash", "bash # a comment", "bash  ");
        notOpening("bash update.sh", "bash -c 'echo hi'", "bash -lc true", "bash --version", "bash -x install.sh",
                "bash <<EOF", "bash < script.sh", "curl -fsS https://example.org/install | bash",
                "bash install.sh && bash", "(bash)", "bash &", "echo bash", "bashtop", "sh", "zsh", "fish",
                "exec sleep 1", "command -v bash", "which bash", "bash $(mktemp)");
    }

    @Test
    void suAndRunuserWithoutACommandOpenTheUsersShell() {
        opening("su", "su -", "su - synapse", "su -l synapse", "su --login synapse", "su synapse",
                "su -s /bin/bash synapse", "su --shell=/bin/bash - synapse", "runuser -l synapse",
                "runuser -u synapse -- bash", "sudo su", "sudo su -", "sudo su - postgres");
        notOpening("su -c 'id' synapse", "su - synapse -c id", "su postgres script.sh", "su -s /bin/sh synapse",
                "su --shell=/usr/bin/zsh isabell", "runuser -u synapse -- id", "su - postgres --command=psql");
    }

    @Test
    void sudoWithALoginOrAShellOrAnOpenerAfterIt() {
        opening("sudo -i", "sudo -s", "sudo -iu synapse", "sudo -u synapse -i", "sudo --login", "sudo -u synapse bash",
                "sudo -E -H bash", "sudo -- bash", "sudo --user synapse -s");
        notOpening("sudo apt-get install -y nginx", "sudo -u synapse psql", "sudo -i systemctl restart nginx",
                "sudo -l", "sudo -v", "sudo -u postgres createuser synapse -P", "sudo");
    }

    @Test
    void toolsThatOpenAShellInTheirEnvironment() {
        opening("pipenv shell", "poetry shell", "pipenv shell --fancy", "nix-shell", "nix-shell -p hello",
                "scl enable devtoolset-9 bash", "scl enable devtoolset-9 rh-python38 bash",
                "scl enable devtoolset-9 bash # [Required] Use the newer GCC", "newgrp docker", "newgrp",
                "sg docker", "docker exec -it synapse bash", "docker exec -ti -u root db /bin/bash",
                "podman exec --interactive --tty web bash -l", "docker compose exec app bash",
                "docker-compose exec -u www-data app bash", "kubectl exec -it pod -- bash",
                "lxc exec c1 -- bash", "chroot /mnt", "chroot /mnt /bin/bash", "vagrant ssh",
                "machinectl shell", "toolbox enter", "ssh isabell@stardust", "ssh -p 2222 -i ~/.ssh/key host",
                "ssh -t host bash -l", "ssh -L 8080:localhost:8080 host");
        notOpening("pipenv install", "pipenv run python manage.py migrate", "poetry install",
                "nix-shell -p hello --run hello", "scl enable devtoolset-9 'make -j4'", "newgrp docker extra",
                "sg docker -c 'docker ps'", "docker exec synapse bash", "docker exec -i db psql",
                "docker exec -it db psql", "docker compose exec -T app bash", "docker run -it debian bash",
                "kubectl exec pod -- ls", "chroot /mnt ls", "vagrant ssh -c uptime", "ssh host uptime",
                "ssh -N -L 8080:localhost:80 host", "ssh -f host",
                "ssh host bash", "toolbox enter -- make");
    }

    @Test
    void theWordsOfACommandAreTakenAsTheShellSplitsThem() {
        assertEquals(List.of("scl", "enable", "devtoolset-9", "bash"),
                ShellOpeners.words("scl enable 'devtoolset-9' \"bash\"  # a note"));
        assertEquals(List.of("PS1=", "bash"), ShellOpeners.words("PS1='' bash"));
        assertEquals(null, ShellOpeners.words("bash 'unclosed"));
        assertEquals(null, ShellOpeners.words("bash\necho"));
    }

    private static void opening(String... commands) {
        for (String command : commands) {
            assertTrue(ShellOpeners.opens(command), "opens a shell: " + command);
        }
    }

    private static void notOpening(String... commands) {
        for (String command : commands) {
            assertFalse(ShellOpeners.opens(command), "opens no shell: " + command);
        }
    }
}
