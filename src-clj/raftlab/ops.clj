(ns raftlab.ops
  "Between Jepsen-style op maps, such as
  {:index 3, :time 120, :type :ok, :process 0, :f :write, :value 1},
  and the checker's raftlab.history.Op records. Nemesis ops carry :process :nemesis."
  (:require [raftlab.prerequisites])
  (:import (raftlab.history Keyword Op OpType ValueText)))

(set! *warn-on-reflection* true)

(def ^:private op-types
  {:invoke OpType/INVOKE, :ok OpType/OK, :fail OpType/FAIL, :info OpType/INFO})

(def ^:private op-type-keywords
  {OpType/INVOKE :invoke, OpType/OK :ok, OpType/FAIL :fail, OpType/INFO :info})

(defn- fail! [message op]
  (throw (ex-info (str message "; fix that op, or leave it out of the history") {:op op})))

(defn value->java
  "A Clojure value as the checker holds it: keywords become raftlab.history.Keyword, vectors and
  lists ArrayLists, maps LinkedHashMaps, sets LinkedHashSets, small integers Longs. The checker
  compares values with equals, so the Java types must match what its own readers produce."
  [v]
  (cond
    (nil? v) nil
    (keyword? v) (Keyword. (subs (str v) 1))
    (instance? Long v) v
    (integer? v) (if (< -1 (.bitLength (biginteger v)) 64) (long v) v)
    (string? v) v
    (boolean? v) v
    (map? v) (let [out (java.util.LinkedHashMap.)]
               (doseq [[k x] v] (.put out (value->java k) (value->java x)))
               out)
    (set? v) (let [out (java.util.LinkedHashSet.)]
               (doseq [x v] (.add out (value->java x)))
               out)
    (sequential? v) (let [out (java.util.ArrayList.)]
                      (doseq [x v] (.add out (value->java x)))
                      out)
    (symbol? v) (str v)
    (char? v) (str v)
    :else v))

(defn java->value
  "The checker's value as Clojure data: the inverse of value->java."
  [v]
  (cond
    (nil? v) nil
    (instance? Keyword v) (keyword (.name ^Keyword v))
    (instance? java.util.Map v) (into {} (map (fn [[k x]] [(java->value k) (java->value x)])) v)
    (instance? java.util.Set v) (into #{} (map java->value) v)
    (instance? java.util.List v) (mapv java->value v)
    :else v))

(defn- name-of
  "The name of a keyword or string, else nil."
  [x]
  (cond (keyword? x) (if-let [ns (namespace x)] (str ns "/" (name x)) (name x))
        (string? x) x
        :else nil))

(defn map->op
  "An op map as a raftlab.history.Op. position numbers an op that has no :index; an op without
  :time gets -1 (unknown). Throws ex-info naming the op when a key the checker needs is wrong."
  ^Op [op position]
  (when-not (map? op) (fail! (str "expected an op map, found " (pr-str op)) op))
  (let [{:keys [index time type process f value error]} op
        op-type (op-types type)
        process-number (cond (= process :nemesis) Op/NEMESIS
                             (integer? process) (long process)
                             :else (fail! (str "op has :process " (pr-str process) "; expected a number or :nemesis") op))]
    (when-not op-type (fail! (str "op has :type " (pr-str type) "; expected :invoke, :ok, :fail or :info") op))
    (when-not (name-of f) (fail! (str "op has :f " (pr-str f) "; expected a keyword such as :read") op))
    (when-not (or (nil? index) (integer? index)) (fail! (str "op has :index " (pr-str index) "; expected a whole number") op))
    (when-not (or (nil? time) (integer? time)) (fail! (str "op has :time " (pr-str time) "; expected nanoseconds as a whole number") op))
    (Op. (long (or index position))
         (long (or time -1))
         op-type
         process-number
         (name-of f)
         (value->java value)
         (when (some? error) (or (name-of error) (pr-str error))))))

(defn op->map
  "A raftlab.history.Op as an op map, with the keys raftlab writes to history.edn: no :time when
  it is unknown, no :error when there is none."
  [^Op op]
  (cond-> {:index (.index op)
           :type (op-type-keywords (.type op))
           :process (if (.isNemesis op) :nemesis (.process op))
           :f (keyword (.f op))
           :value (java->value (.value op))}
    (>= (.time op) 0) (assoc :time (.time op))
    (some? (.error op)) (assoc :error (let [e (.error op)]
                                        (if (ValueText/isKeywordName e) (keyword e) e)))))

(defn history->ops
  "A history (a sequence of op maps) as a java.util.List of Ops, numbered by position where an op
  has no :index."
  ^java.util.List [history]
  (let [out (java.util.ArrayList.)]
    (doseq [[position op] (map-indexed vector history)]
      (.add out (map->op op position)))
    out))
