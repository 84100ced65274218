(ns raftlab.prerequisites
  "Fails early, in one sentence, when the Java parts are not on the classpath: without this a
  missing jar shows up as a ClassNotFoundException deep in a namespace's imports."
  (:require [clojure.java.io :as io]))

(def harness-jar "harness/target/harness-0.1.0-SNAPSHOT-all.jar")

(when-not (io/resource "raftlab/harness/cli/RaftlabMain.class")
  (throw (ex-info (str "error: raftlab's Java classes are not on the classpath (" harness-jar
                       " is missing); build it with `bin/raftlab --version` or `mvn -q -B -ntp -DskipTests package`, then run lein again")
                  {:missing harness-jar})))
