(ns raftlab.history
  "Reads and writes histories as EDN op maps, the way Jepsen keeps them: raftlab's history.edn
  (one map per line), or a file holding one vector or list of maps."
  (:require [clojure.edn :as edn]
            [clojure.java.io :as io])
  (:import (clojure.lang LineNumberingPushbackReader)
           (java.io Writer)))

(set! *warn-on-reflection* true)

(def ^:private edn-options
  ;; Jepsen writes some ops as tagged records (#jepsen.history.Op{...}); the map inside is the op.
  {:eof ::eof
   :default (fn [_tag value] value)})

(defn- read-forms
  "Every top-level form of the file, each with the line it starts on."
  [path]
  (with-open [reader (LineNumberingPushbackReader. (io/reader (io/file path) :encoding "UTF-8"))]
    (loop [forms []]
      ;; skip whitespace first, so the line number is where the form starts
      (let [c (.read reader)]
        (cond
          (= c -1) forms
          (or (Character/isWhitespace (int c)) (= c (int \,))) (recur forms)
          :else (let [_ (.unread reader (int c))
                      line (.getLineNumber reader)
                      form (try (edn/read edn-options reader)
                                (catch RuntimeException e
                                  (throw (ex-info (str path " line " line ": the EDN does not parse (" (.getMessage e) "); fix or truncate that line")
                                                  {:path (str path) :line line} e))))]
                  (if (= form ::eof) forms (recur (conj forms [line form])))))))))

(defn read-history
  "The ops of an EDN history file as a vector of op maps with keyword keys, in file order.
  Nemesis ops keep :process :nemesis. An op without :index gets its position. Throws ex-info
  naming the file and line when something in it is not an op map."
  [path]
  (let [forms (read-forms path)
        ops (if (and (= 1 (count forms)) (sequential? (second (first forms))))
              (let [[line ops] (first forms)] (map (fn [op] [line op]) ops))
              forms)]
    (into []
          (map-indexed (fn [position [line op]]
                         (when-not (map? op)
                           (throw (ex-info (str path " line " line ": expected an op map such as {:type :invoke, :process 0, :f :read, :value nil}, found " (pr-str op))
                                           {:path (str path) :line line})))
                         (if (contains? op :index) op (assoc op :index position))))
          ops)))

(def ^:private key-order [:index :time :type :process :f :value :error])

(defn- write-op [^Writer out op]
  (let [known (keep (fn [k] (when (contains? op k) [k (get op k)])) key-order)
        others (sort-by (comp str key) (apply dissoc op key-order))]
    (.write out "{")
    (.write out ^String (apply str (interpose ", " (map (fn [[k v]] (str (pr-str k) " " (pr-str v))) (concat known others)))))
    (.write out "}\n")))

(defn write-history!
  "Writes op maps to path as raftlab and Jepsen write history.edn: one map per line, Jepsen's
  keys first. Returns path."
  [path history]
  (with-open [out (io/writer (io/file path) :encoding "UTF-8")]
    (binding [*print-length* nil *print-level* nil *print-namespace-maps* false]
      (doseq [op history] (write-op out op))))
  path)
