package dev.rehearse.check;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** What a guide printed in 2019 against what a machine prints today: equal when only volatile tokens differ. */
class VolatileTokensTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ¦ ", textBlock = """
            pid and uptime        ¦ synapse   RUNNING   pid 26020, uptime 0:03:14 ¦ synapse RUNNING pid 311, uptime 1 day, 2:03:04
            bcrypt hash           ¦ $2b$12$yK16TMDMnvj97GFBoxF9QeP2N.U8oadindcjB0Uo9TkSI3CsgwV02 ¦ $2b$12$jL9zBNuimTGLfJb4Rx2rKeSxUGabqe334jGNgbfFVcVUYr57/2rNu
            apache's apr1 hash    ¦ admin:$apr1$x1y2z3w4$abcdefghijklmnopqrstuv ¦ admin:$apr1$Qv7pL2r9$mcqt9O0NWj7qTseqayabw/
            argon2 hash           ¦ $argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$w0Hq4fqGmjE4mXg4vV2f7mI6r1t0Ahk4c6oYpE2YvH4 ¦ $argon2id$v=19$m=65536,t=3,p=4$b3RoZXJzYWx0$Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA
            a hash hidden         ¦ admin:$apr1$x1y2z3w4$abcdefghijklmnopqrstuv ¦ admin:<password hash>
            psql banner           ¦ psql (9.6.10) ¦ psql (15.20 (Debian 15.20-0+deb12u1))
            installed versions    ¦ Successfully installed pip-19.1.1 ¦ Successfully installed pip-23.0.1
            python in a path      ¦ ./synapse/env/lib/python3.6/site-packages (41.0.1) ¦ ./synapse/env/lib/python3.11/site-packages (66.1.1)
            progress bar          ¦ |████████████████████████████████| 163kB 17.4MB/s ¦ |██████████████████████████| 1.2MB 230kB/s
            rich progress bar     ¦ ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 1.8/1.8 MB 5.2 MB/s eta 0:00:00 ¦ ━━━━━━━━━━━━━━━━━━━━╸━━━━━━━━━━━━━━━━━━━ 0.9/1.8 MB 12.0 MB/s eta 0:00:01
            ascii progress bar    ¦ [=====>      ] 45% ¦ [============] 100%
            bar without a digit   ¦ [=====>      ] ¦ [============]
            uuid of letters       ¦ id abcdefab-cdef-abcd-efab-cdefabcdefab ¦ id 9f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b
            a pod's name          ¦ hello-node-5f76cf6ccf-br9b5   1/1     Running   0          6m24s ¦ hello-node-7b87cd5f68-zwd8g   1/1     Running   0          1m
            size in parentheses   ¦ psycopg2-2.8.3.tar.gz (377kB) ¦ psycopg2-2.9.9.tar.gz (1.2 MB)
            iso timestamp         ¦ 2019-06-24 12:00:01,123 - synapse - INFO ¦ 2026-11-27T13:52:42Z - synapse - INFO
            date(1)               ¦ Mon Jun 24 12:00:01 CEST 2019 ¦ Fri Nov 27 13:52:42 UTC 2026
            ls year or time       ¦ -rw-r--r-- 1 isabell isabell 0 Mar 10  2019 a ¦ -rw-r--r-- 1 isabell isabell 0 Dec  5 23:58 a
            date and time or ISO  ¦ Last login: Mon Jun 24 12:00:01 2019 ¦ Last login: 2026-12-05 23:58
            supervisor stop time  ¦ synapse STOPPED Jun 24 10:00 AM ¦ synapse STOPPED Nov 27 02:00 PM
            duration              ¦ created virtual environment in 250ms ¦ created virtual environment in 1.3s
            time(1)               ¦ real	0m0.003s ¦ real	1m2.250s
            git log's short hash  ¦ 3f2a1b9 (HEAD -> main) First commit ¦ 9414196 (HEAD -> main) First commit
            a commit's summary    ¦ [main (root-commit) 3f2a1b9] First commit ¦ [main (root-commit) 1234567] First commit
            git's commit line     ¦ commit 3f2a1b9c0d ¦ commit 9414196023
            hex digest            ¦ Stored in directory: /home/isabell/.cache/pip/wheels/48/06/67/475967017d99b988421b87bf7ee5fad0dad789dc349561786b ¦ Stored in directory: /home/isabell/.cache/pip/wheels/0a/1c/ef/9f3c1a77e2f5b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1
            pip cache path        ¦ packages/5c/e0/be401c003291b56efc55aeba6a80ab790d3d4cece2778288d65323009420/pip-19.1.1.whl ¦ packages/9a/53/0c3d2bb1b2bc2dd47e4e1c9a24e34b2c2c8d1b3f0fcbb5ad8d48a1e8e8f1bd7e/pip-23.0.1.whl
            uuid                  ¦ id 123e4567-e89b-12d3-a456-426614174000 ¦ id 9f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b
            random token          ¦ access_token: syt_aXNhYmVsbA_WlAbZRFYpPQMvTgqzxLs_2Tu8Yr ¦ access_token: syt_ZXJpbjEwMA_qRhBxkLmNoPstUvWxYz_3Ab9Cd
            job and pid           ¦ [1] 26020 ¦ [1] 311
            git counting          ¦ remote: Counting objects: 100% (370/370), done. ¦ remote: Counting objects: 100% (1047/1047), done.
            git receiving         ¦ Receiving objects: 100% (24402/24402), 16.23 MiB | 23.31 MiB/s, done. ¦ Receiving objects: 100% (31877/31877), 21.90 MiB | 4.10 MiB/s, done.
            git deltas            ¦ Resolving deltas: 100% (15879/15879), done. ¦ Resolving deltas: 100% (20113/20113), done.
            git total             ¦ remote: Total 4593 (delta 27), reused 80 (delta 19), pack-reused 4477 ¦ remote: Total 5120 (delta 31), reused 91 (delta 22), pack-reused 4998 (from 1)
            npm added             ¦ added 17 packages from 9 contributors and audited 28 packages in 3.14s ¦ added 1 package from 1 contributor and audited 2 packages in 0.5s
            npm funding           ¦ 44 packages are looking for funding ¦ 1 package is looking for funding
            composer operations   ¦ Package operations: 103 installs, 0 updates, 0 removals ¦ Package operations: 97 installs, 0 updates, 0 removals
            composer funding      ¦ 91 packages you are using are looking for funding. ¦ 88 packages you are using are looking for funding.
            git enumerating       ¦ remote: Enumerating objects: 24402, done. ¦ remote: Enumerating objects: 31877, done.
            ssh fingerprint       ¦ ED25519 key fingerprint is SHA256:taekOiAJ0efuyKpBtDKuE9c04LXJqJhVNcP1ltr798E. ¦ ED25519 key fingerprint is SHA256:+pqvderwqizyJ6WWX8Ye3ws5/OKcuvacYiGVmM2w4Ts.
            md5 fingerprint       ¦ ED25519 key fingerprint is MD5:dc:df:0a:f7:2c:cd:62:8a:7e:a3:d7:a1:43:56:0c:36. ¦ ED25519 key fingerprint is MD5:1e:9b:44:0c:7a:d2:38:51:ee:c6:90:af:13:57:2b:8d.
            cert fingerprint      ¦ SHA256 Fingerprint=4F:1A:9C:2B:3D:7E:8F:60:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:12:34:56:78:9A:BC:DE:F0 ¦ SHA256 Fingerprint=0E:2B:4C:6D:8E:AF:10:32:54:76:98:BA:DC:FE:01:23:45:67:89:AB:CD:EF:FE:DC:BA:98:76:54:32:10:0F:1E
            kernel release        ¦ 4.19.0-6-amd64 ¦ 6.18.44-fc-v1272
            a version alone       ¦   1.2.2-alpha ¦   1.3.0-beta.2
            uname -a              ¦ Linux stardust 4.19.0-6-amd64 #1 SMP Debian 4.19.67-2+deb10u2 (2019-11-11) x86_64 GNU/Linux ¦ Linux stardust 6.18.44-fc-v1272 #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU/Linux
            ids of user and group ¦ uid=1000(isabell) gid=1000(isabell) groups=1000(isabell),27(sudo) ¦ uid=1001(isabell) gid=1001(isabell) groups=1001(isabell),27(sudo)
            bash's name           ¦ bash: ./configure: No such file or directory ¦ -bash: ./configure: No such file or directory
            echo $0               ¦ bash ¦ -bash
            blanks and columns    ¦ synapse:   available ¦ synapse: available
            base64 with a slash   ¦ 3q2+7wX9bJ0Zk5mH1vYtR8uL4cN6pA2sD0fG7hJ9kLw= ¦ KLTC1MN/JxQ/qpMOP3E1kGbscyzjTakq9mDmdRqLwgY=
            24 of base64, slashes ¦ Xk2mP9qR7tV1wY4zA6bC8dE0 ¦ CSEF/ahHXt/K5qbNq/YcZ8V2
            base64 starting with / ¦ Xe/3q2+7wX9bJ0Zk5mH1vYtR8uL4cN6pA2sD0fG7hJ9= ¦ /oRc75tgoAUQxzIPZz15ULiH6hPlheM9Q2302MxpbeY=
            a word after the slash ¦ Xe/3q2+7wX9bJ0Zk5mH1vYtR8uL4cN6pA2sD0fG7hJ9= ¦ Q1PAJuUqT+wYaETpLNcUCkJeNVa84xw6yYoDUN/ldlk=
            a slash in the key    ¦ SECRET_KEY=kF8s2Lq9Zx1Vb7Nm4Hj6Gt3Rd5Yc0Pw8 ¦ SECRET_KEY=Son68kNZQWDa60/PPtuqcSZ3aXD8b+Og
            mktemp                ¦ /tmp/tmp.Q8fz3JkL2p ¦ /tmp/tmp.r72LwApfan
            python's mkdtemp      ¦ made /tmp/tmp8x3k_q2z ¦ made /tmp/tmpa_91kq0z
            randomart             ¦ |      .o+.       | ¦ |  o=*B+.   ..    |
            randomart's end       ¦ |       .S E      | ¦ |=   . =          |
            """)
    void equalWhenOnlyVolatileTokensDiffer(String what, String guide, String real) {
        assertEquals(VolatileTokens.key(guide), VolatileTokens.key(real), what);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ¦ ", textBlock = """
            rows updated          ¦ UPDATE 1 ¦ UPDATE 0
            a plain number        ¦ 1 ¦ 2
            numbers in columns    ¦ 10   20 ¦ 10   21
            a port                ¦ Port 40132 will be open for TCP and UDP traffic in a few minutes. ¦ Port 40133 will be open for TCP and UDP traffic in a few minutes.
            a state               ¦ synapse RUNNING pid 26020, uptime 0:03:14 ¦ synapse FATAL Exited too quickly (process log may have details)
            a package name        ¦ Successfully installed pip-19.1.1 ¦ Successfully installed wheel-19.1.1
            a word                ¦ synapse: available ¦ synapse: added process group
            a count               ¦ 3 packages installed ¦ 4 packages installed
            a count of six digits ¦ 123456 lines ¦ 123457 lines
            a hash's message      ¦ 3f2a1b9 (HEAD -> main) First commit ¦ 9414196 (HEAD -> main) Second commit
            a mac address         ¦ link/ether 52:54:00:12:34:56 ¦ link/ether 52:54:00:ab:cd:ef
            npm's vulnerabilities ¦ found 0 vulnerabilities ¦ found 2 moderate severity vulnerabilities
            composer's kind       ¦ Package operations: 3 installs, 0 updates, 0 removals ¦ Lock file operations: 3 installs, 0 updates, 0 removals
            npm added or audited  ¦ added 203 packages, and audited 204 packages in 13s ¦ up to date, audited 204 packages in 1s
            the file's name       ¦ -rw-r--r-- 1 isabell isabell 0 Mar 10  2019 a ¦ -rw-r--r-- 1 isabell isabell 0 Dec  5 23:58 b
            another group         ¦ uid=1000(isabell) gid=1000(isabell) groups=1000(isabell),27(sudo) ¦ uid=1000(isabell) gid=1000(isabell) groups=1000(isabell),27(docker)
            another host's uname  ¦ Linux stardust 4.19.0-6-amd64 #1 SMP x86_64 GNU/Linux ¦ Linux moondust 4.19.0-6-amd64 #1 SMP x86_64 GNU/Linux
            a version and a word  ¦ 1.2.3 installed ¦ 1.2.3 removed
            git's kind of object  ¦ Receiving objects: 100% (4/4), done. ¦ Resolving deltas: 100% (4/4), done.
            a fingerprint's kind  ¦ key fingerprint is SHA256:taekOiAJ0efuyKpBtDKuE9c04LXJqJhVNcP1ltr798E ¦ key fingerprint is SHA1:taekOiAJ0efuyKpBtDKuE9c04LXJqJhVNcP1ltr798E
            a path, not base64    ¦ src/main/java/dev/rehearse/Main2 ¦ src/main/java/dev/rehearse/Other3
            an absolute path      ¦ /home/isabell/Projects/Synapse2024/env ¦ /home/isabell/Projects/Synapse2025/env
            a temporary file kept ¦ /tmp/tmp.backup ¦ /tmp/tmp.config
            another deployment    ¦ hello-node-5f76cf6ccf-br9b5 ¦ web-app-5f76cf6ccf-br9b5
            hyphenated words      ¦ python3-cryptography-package ¦ python3-cryptography-packing
            """)
    void differentWhenMoreThanVolatileTokensDiffer(String what, String guide, String real) {
        assertNotEquals(VolatileTokens.key(guide), VolatileTokens.key(real), what);
    }
}
