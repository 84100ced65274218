;; The Clojure face of raftlab: histories as data, the checker as a function, campaigns as test maps.
;; The Java parts come from the harness's shaded jar, which Maven builds (bin/raftlab --version or
;; mvn -q -B -ntp -DskipTests package); see clj/README.md.
(defproject raftlab/raftlab-clj "0.1.0-SNAPSHOT"
  :description "Clojure face of raftlab: read histories, check them, run campaigns from test maps."
  :license {:name "Apache-2.0"}
  :dependencies [[org.clojure/clojure "1.11.1"]]
  :source-paths ["src-clj"]
  :test-paths ["test-clj"]
  ;; Only when it exists: Leiningen makes a directory of every missing resource path, and a
  ;; directory in the jar's place would break the next Maven build. When the jar is missing,
  ;; raftlab.prerequisites says how to build it.
  :resource-paths ~(filterv #(.isFile (java.io.File. ^String %)) ["harness/target/harness-0.1.0-SNAPSHOT-all.jar"])
  :java-source-paths []
  :target-path "target/clj"
  :clean-targets ^{:protect false} ["target/clj"]
  :jvm-opts ["-Xss4m"]
  :global-vars {*warn-on-reflection* true}
  ;; An empty base profile keeps Leiningen from adding its REPL dependencies, which only its
  ;; own repository serves; nothing here needs them.
  :profiles {:base {}
             :test {:resource-paths ["test-resources-clj"]}})
