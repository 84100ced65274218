(ns raftlab.history-test
  (:require [clojure.java.io :as io]
            [clojure.test :refer [deftest is testing]]
            [raftlab.core :as r])
  (:import (java.nio.file Files)
           (java.nio.file.attribute FileAttribute)))

(defn resource-path [name]
  (.getPath (io/file (io/resource (str "histories/" name)))))

(defn temp-file ^java.io.File [suffix]
  (.toFile (Files/createTempFile "raftlab-clj" suffix (make-array FileAttribute 0))))

(deftest reads-raftlab-history-edn
  (let [h (r/read-history (resource-path "register-valid.edn"))]
    (is (vector? h))
    (is (= 12 (count h)))
    (is (= {:index 0, :time 1000, :type :invoke, :process 0, :f :write, :value 1} (first h)))
    (testing "nemesis ops keep :process :nemesis and their keyword values"
      (is (= {:index 2, :time 2500, :type :info, :process :nemesis, :f :start-partition, :value [[:n1 :n2] [:n3 :n4 :n5]]}
             (nth h 2))))
    (is (= :mismatch (:error (nth h 8))))))

(deftest reads-a-vector-of-ops-and-numbers-them-by-position
  (let [h (r/read-history (resource-path "registers-vector.edn"))]
    (is (= [0 1 2 3 4 5] (mapv :index h)))
    (is (= [:y nil] (:value (nth h 3))))))

(deftest names-the-line-of-something-that-is-not-an-op
  (let [f (temp-file ".edn")]
    (spit f "{:index 0, :type :invoke, :process 0, :f :read, :value nil}\n\n[:not :an :op]\n")
    (let [e (try (r/read-history (str f)) nil (catch clojure.lang.ExceptionInfo e e))]
      (is (some? e))
      (is (= 3 (:line (ex-data e))) (ex-message e)))
    (.delete f)))

(deftest written-history-reads-back-the-same
  (let [h (r/read-history (resource-path "register-valid.edn"))
        f (temp-file ".edn")]
    (r/write-history! (str f) h)
    (is (= h (r/read-history (str f))))
    (.delete f)))
