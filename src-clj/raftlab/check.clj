(ns raftlab.check
  "The linearizability checker as a function from a history (op maps) to a Jepsen-shaped result."
  (:require [raftlab.prerequisites]
            [raftlab.ops :as ops])
  (:import (java.time Duration)
           (raftlab.checker CheckOptions CheckResult Checker Failure KeyResult OpCounts Validity)
           (raftlab.checker.model Model Models)))

(set! *warn-on-reflection* true)

(defn- valid? [^Validity v]
  (condp = v
    Validity/VALID true
    Validity/INVALID false
    Validity/UNKNOWN :unknown))

(defn- op-map [op] (when op (ops/op->map op)))

(defn- failure-map [^Failure f]
  {:op (op-map (.invoke f))
   :completion (op-map (.completion f))
   :previous-ok (op-map (.previousOk f))
   :prefix (mapv op-map (.prefix f))
   :state-after-prefix (.stateAfterPrefix f)
   :concurrent (mapv op-map (.concurrent f))
   :explanation (.explanation f)})

(defn- key-map [^KeyResult k]
  (cond-> {:key (ops/java->value (.key k))
           :valid? (valid? (.validity k))
           :operations (.operations k)
           :states-explored (.statesExplored k)
           :deepest (.deepest k)
           :elapsed-ms (quot (.elapsedNanos k) 1000000)}
    (.failure k) (merge (failure-map (.failure k)))
    (.unknownReason k) (assoc :error (.unknownReason k))))

(defn result->map
  "A CheckResult as Jepsen's checkers answer: :valid? true, false or :unknown; for an invalid
  history the first failing key's :op (its invocation), :previous-ok, :prefix, :concurrent and
  :explanation at the top level, as Knossos puts them; every key under :keys."
  [^CheckResult result]
  (let [^OpCounts counts (.counts result)
        keys (mapv key-map (.keys result))
        first-failure (first (filter :explanation keys))]
    (merge
     {:valid? (valid? (.validity result))
      :model (.model result)
      :analyzer :wgl
      :counts {:ok (.ok counts) :fail (.fail counts) :info (.info counts)}
      :elapsed-ms (quot (.elapsedNanos result) 1000000)
      :keys keys
      :failures (into [] (comp (filter #(false? (:valid? %))) (map :key)) keys)}
     (when first-failure
       (select-keys first-failure [:op :completion :previous-ok :prefix :state-after-prefix :concurrent :explanation])))))

(defn- model ^Model [{:keys [model initial]}]
  (let [model-name (cond (keyword? model) (name model) (some? model) (str model) :else "register")]
    (try (Models/byName model-name (ops/value->java initial))
         (catch IllegalArgumentException e
           (throw (ex-info (str (.getMessage e) "; pass one of those as :model") {:model model} e))))))

(defn- options ^CheckOptions [{:keys [time-limit-ms threads explain? memory-bytes]}]
  (cond-> (CheckOptions/defaults)
    time-limit-ms (.withTimeLimit (Duration/ofMillis time-limit-ms))
    threads (.withThreads (int threads))
    (some? explain?) (.withExplain (boolean explain?))
    memory-bytes (.withMemoryBytes (long memory-bytes))))

(defn check
  "Checks a history (a sequence of op maps, as read-history returns) for linearizability.
  Options: :model (\"register\", the default for raftlab's histories, \"cas-register\",
  \"etcd-cas-register\", \"kv-append\", ... as a string or keyword), :initial (the start value of
  models that take one), :time-limit-ms (default 60000), :threads, :memory-bytes, :explain?
  (default true). Returns {:valid? true|false|:unknown, :model, :counts, :keys, ...}; past the
  time or memory bound the answer is :unknown, with the reason under each key's :error."
  ([history] (check history {}))
  ([history opts]
   (result->map (Checker/check (ops/history->ops history) (model opts) (options opts)))))
