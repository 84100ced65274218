(ns raftlab.ops-test
  (:require [clojure.test :refer [deftest is testing]]
            [raftlab.core :as r]
            [raftlab.history-test :refer [resource-path temp-file]]
            [raftlab.ops :as ops])
  (:import (java.nio.file Path)
           (raftlab.history HistoryReader HistoryWriter Keyword Op OpType)))

(deftest op-maps-round-trip-through-op-records
  (doseq [m [{:index 0, :time 10, :type :invoke, :process 3, :f :cas, :value [1 2]}
             {:index 1, :time 20, :type :fail, :process 3, :f :cas, :value [1 2], :error :mismatch}
             {:index 2, :type :ok, :process 0, :f :read, :value nil}
             {:index 3, :time 30, :type :info, :process :nemesis, :f :start-partition, :value {:n1 #{:n2 :n3}}}
             {:index 4, :time 40, :type :ok, :process 7, :f :txn, :value [[:r :x 1] [:w :y "two"]]}
             {:index 5, :time 50, :type :info, :process 9, :f :write, :value [:k 5], :error "connection reset by peer"}]]
    (is (= m (ops/op->map (ops/map->op m 99))) (pr-str m))))

(deftest maps-become-the-records-the-java-reader-makes
  (let [op (ops/map->op {:time 5, :type :invoke, :process :nemesis, :f :kill, :value [:n1 :n2]} 42)]
    (is (= 42 (.index op)) "an op without :index gets its position")
    (is (= OpType/INVOKE (.type op)))
    (is (.isNemesis op))
    (is (= "kill" (.f op)))
    (is (= [(Keyword. "n1") (Keyword. "n2")] (vec (.value op)))))
  (testing "the Java reader and read-history agree on every op of the same file"
    (doseq [file ["register-valid.edn" "register-stale-read.edn" "registers-vector.edn"]]
      (let [path (resource-path file)
            java-ops (vec (HistoryReader/read (Path/of path (make-array String 0))))
            clj-ops (vec (ops/history->ops (r/read-history path)))]
        (is (= java-ops clj-ops) file)
        (is (= (map ops/op->map java-ops) (r/read-history path)) file)))))

(deftest the-java-writer-output-reads-back-as-the-same-maps
  (let [path (resource-path "register-valid.edn")
        h (r/read-history path)
        f (temp-file ".edn")]
    (HistoryWriter/writeEdn (ops/history->ops h) (.toPath f))
    (is (= h (r/read-history (str f))))
    (.delete f)))

(deftest a-broken-op-is-named
  (doseq [bad [{:type :done, :process 0, :f :read}
               {:type :ok, :process "p1", :f :read}
               {:type :ok, :process 0}
               [:not :a :map]]]
    (let [e (try (ops/map->op bad 0) nil (catch clojure.lang.ExceptionInfo e e))]
      (is (some? e) (pr-str bad))
      (is (= bad (:op (ex-data e)))))))
