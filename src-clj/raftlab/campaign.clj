(ns raftlab.campaign
  "Campaigns as Jepsen-like test maps: a map says what to run, run! runs it through the harness's
  `raftlab test` command in this JVM and says where the store put the result."
  (:refer-clojure :exclude [run!])
  (:require [raftlab.prerequisites]
            [clojure.edn :as edn]
            [clojure.java.io :as io]
            [clojure.string :as str])
  (:import (java.nio.file Files LinkOption Path)
           (picocli CommandLine CommandLine$IParameterExceptionHandler CommandLine$ParameterException)
           (raftlab.harness.cli RaftlabMain)))

(set! *warn-on-reflection* true)

(defn- text [x]
  (cond (keyword? x) (name x)
        :else (str x)))

(defn- duration
  "Jepsen gives durations as seconds; raftlab's flags take a unit. A string such as \"500ms\"
  passes as it is."
  [x]
  (if (number? x) (str x "s") (str x)))

(defn test-name
  "The store's name for a test, as the harness names it: <lab>-<workload>[-<fault>...][-bug-<name>...]."
  [{:keys [lab workload nemesis bugs]}]
  (str/join "-" (concat [(text lab) (text workload)]
                        (map text nemesis)
                        (map #(str "bug-" (text %)) bugs))))

(defn test-map
  "A Jepsen-like test map for a raftlab campaign. Keys (all optional):
  :lab (:sim, :local or :ssh; default :local), :workload (:register or :registers; default
  :registers), :nodes (host names, for :ssh), :nodes-file, :node-count, :concurrency (a number,
  or \"2n\" for two per node), :time-limit (seconds, or a string with a unit such as \"500ms\"),
  :rate (ops/s), :nemesis (faults such as [:partition :kill]), :nemesis-interval, :seed,
  :check-time-limit, :op-timeout, :bugs (bug switches such as [:stale-reads]), :test-count,
  :leave-db-running?, :username, :ssh-private-key, :store (default \"store\"), :schedule (a
  schedule.edn file to play instead of the seed's; it replaces :nemesis, see write-schedule!). Keys that are
  absent take the harness's defaults (see `bin/raftlab test --help`). Adds :name, as the store
  names the run."
  [opts]
  (let [t (merge {:lab :local, :workload :registers, :store "store"} opts)
        t (update t :nemesis #(if (or (nil? %) (sequential? %)) (vec %) [%]))
        t (update t :bugs #(if (or (nil? %) (sequential? %)) (vec %) [%]))]
    (assoc t :name (test-name t))))

(def ^:private flags
  ;; test-map key, flag, how the value becomes the flag's argument
  [[:lab "--lab" text]
   [:workload "--workload" text]
   [:nodes "--nodes" #(str/join "," (map text %))]
   [:nodes-file "--nodes-file" str]
   [:node-count "--node-count" str]
   [:concurrency "--concurrency" text]
   [:time-limit "--time-limit" duration]
   [:test-count "--test-count" str]
   [:rate "--rate" str]
   [:nemesis "--nemesis" #(str/join "," (map text %))]
   [:nemesis-interval "--nemesis-interval" duration]
   [:seed "--seed" str]
   [:check-time-limit "--check-time-limit" duration]
   [:op-timeout "--op-timeout" duration]
   [:username "--username" str]
   [:ssh-private-key "--ssh-private-key" str]
   [:store "--store" str]
   [:schedule "--schedule" str]])

(defn test-map->args
  "The `raftlab` command line that runs this test map, starting with \"test\"."
  [t]
  (vec (concat ["test"]
               (mapcat (fn [[k flag f]]
                         (let [v (get t k)]
                           (when (and (some? v) (not (and (sequential? v) (empty? v))))
                             [flag (f v)])))
                       flags)
               (mapcat (fn [bug] ["--bug" (text bug)]) (:bugs t))
               (when (:leave-db-running? t) ["--leave-db-running"]))))

(defn- latest-run
  "The run store/latest points at, as a real path, or nil when there is none yet."
  ^Path [store]
  (let [latest (.toPath (io/file store "latest"))]
    (when (Files/exists latest (make-array LinkOption 0))
      (.toRealPath latest (make-array LinkOption 0)))))

(def ^:private bad-arguments
  (reify CommandLine$IParameterExceptionHandler
    (handleParseException [_ e _args]
      (let [^CommandLine cl (.getCommandLine ^CommandLine$ParameterException e)]
        (.println (.getErr cl) (str "error: " (.getMessage e) "; see raftlab " (.getCommandName cl) " --help"))
        254))))

(defn- execute
  "Runs the raftlab command line in this JVM and returns its exit code. The local lab runs
  `raftlab test` again inside its control namespace with the command line RaftlabMain was given,
  so RaftlabMain/run (which records it) is used where the jar has it. A bad flag exits 254, the
  house code for bad arguments, not picocli's 2, which would read as an unknown verdict."
  [args]
  (let [argv (into-array String args)
        run-method (try (.getMethod RaftlabMain "run" (into-array Class [(class argv)]))
                        (catch NoSuchMethodException _ nil))]
    (if run-method
      (int (.invoke ^java.lang.reflect.Method run-method nil (object-array [argv])))
      (.execute (doto (CommandLine. (RaftlabMain.)) (.setParameterExceptionHandler bad-arguments)) ^"[Ljava.lang.String;" argv))))

(defn run!
  "Runs the campaign a test map describes, in this JVM, through the harness's `raftlab test`.
  Returns {:exit code, :store path-or-nil, :args [...]}: the exit code is Jepsen's (0 valid,
  1 invalid, 2 unknown, 254 bad arguments or a missing prerequisite, 255 crashed); :store is the
  run's directory (what store/latest points at), or nil when this call wrote no new run."
  [t]
  (let [args (test-map->args t)
        store (or (:store t) "store")
        before (latest-run store)
        exit (execute args)
        after (latest-run store)]
    {:exit exit
     :store (when (and after (not= before after)) (str after))
     :args args}))

(defn replay!
  "Runs a stored run again (`raftlab test --replay`): its options, seed and schedule.edn, in its own
  lab or in :lab (:sim, :local, :ssh). Returns what run! returns. A simulated run replayed in the
  simulator by the same build gives the same history.edn byte for byte."
  ([run-dir] (replay! run-dir {}))
  ([run-dir {:keys [lab store] :or {store "store"}}]
   (let [args (vec (concat ["test" "--replay" (str run-dir)]
                           (when lab ["--lab" (text lab)])
                           ["--store" (str store)]))
         before (latest-run store)
         exit (execute args)
         after (latest-run store)]
     {:exit exit
      :store (when (and after (not= before after)) (str after))
      :args args})))

(defn read-schedule
  "A schedule as data: the schedule.edn of a run's directory, or a schedule file. A map with
  :nodes and :entries, each entry a map such as {:at \"10s\" :fault :kill :targets :leader :for \"5s\"}
  (docs/schedules.md)."
  [run-dir-or-file]
  (let [f (io/file run-dir-or-file)
        f (if (.isDirectory f) (io/file f "schedule.edn") f)]
    (edn/read-string (slurp f :encoding "UTF-8"))))

(defn write-schedule!
  "Writes a schedule map ({:nodes 5 :entries [...]}) as a file :schedule can name, and returns the
  file's path. Durations are strings with a unit (\"300ms\", \"-90s\"); targets are keywords
  (:leader, :minority, ...), vectors of node names, or partition groups such as \"n1,n2/n3,n4,n5\"."
  [file schedule]
  (spit (io/file file) (pr-str schedule) :encoding "UTF-8")
  (str file))

(defn read-results
  "The results.edn of a run's directory (such as run!'s :store) as a map: :valid?, :summary, the
  counts, :linearizable, :liveness, :seed and :reproduce, as the harness wrote them."
  [run-dir]
  (edn/read-string {:default (fn [_tag value] value)} (slurp (io/file run-dir "results.edn") :encoding "UTF-8")))
