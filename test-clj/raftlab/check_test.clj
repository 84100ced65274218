(ns raftlab.check-test
  (:require [clojure.test :refer [deftest is testing]]
            [raftlab.core :as r]
            [raftlab.history-test :refer [resource-path]]))

(deftest a-linearizable-register-history-is-valid
  (let [result (r/check (r/read-history (resource-path "register-valid.edn"))
                        {:model "register" :time-limit-ms 10000})]
    (is (= true (:valid? result)) (pr-str result))
    (is (= "register" (:model result)))
    (is (= {:ok 4 :fail 1 :info 0} (:counts result)) "nemesis ops are not client operations")
    (is (= [] (:failures result)))))

(deftest a-stale-read-is-invalid-and-explained
  (let [result (r/check (r/read-history (resource-path "register-stale-read.edn"))
                        {:model :register :time-limit-ms 10000})]
    (is (= false (:valid? result)) (pr-str result))
    (testing "the failing op is the read that saw 1 after 2 was acknowledged"
      (is (= {:index 5, :time 5000, :type :invoke, :process 1, :f :read, :value nil} (:op result)))
      (is (= 1 (:value (:completion result))))
      (is (= {:index 3, :time 4000, :type :ok, :process 0, :f :write, :value 2} (:previous-ok result)))
      (is (string? (:explanation result)))
      (is (seq (:explanation result))))))

(deftest keys-of-independent-registers-are-checked-apart
  (let [ok (r/check (r/read-history (resource-path "registers-vector.edn")) {:model "register"})
        bad (r/check [{:type :invoke, :process 0, :f :write, :value [:x 1]}
                      {:type :ok, :process 0, :f :write, :value [:x 1]}
                      {:type :invoke, :process 1, :f :read, :value [:y nil]}
                      {:type :ok, :process 1, :f :read, :value [:y 1]}]
                     {:model "register"})]
    (is (= true (:valid? ok)) (pr-str ok))
    (is (= 2 (count (:keys ok))))
    (is (= false (:valid? bad)) "a read of :y cannot see the write of :x")
    (is (= [:y] (:failures bad)))))

(deftest the-model-decides-what-a-nil-read-means
  (let [h [{:type :invoke, :process 0, :f :write, :value 3}
           {:type :ok, :process 0, :f :write, :value 3}
           {:type :invoke, :process 0, :f :read, :value nil}
           {:type :ok, :process 0, :f :read, :value nil}]]
    (is (= false (:valid? (r/check h {:model "register"}))) "register: nil means absent")
    (is (= true (:valid? (r/check h {:model "cas-register" :initial 0}))) "cas-register (Knossos): nil matches any state")))

(deftest an-unknown-model-is-named
  (let [e (try (r/check [] {:model "queue-of-dreams"}) nil (catch clojure.lang.ExceptionInfo e e))]
    (is (some? e))
    (is (re-find #"queue-of-dreams" (ex-message e)))))
